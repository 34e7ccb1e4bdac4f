package dev.firmaccess.keycloak.claims;

import java.util.ArrayList;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.common.Profile;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.EnvironmentDependentProviderFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;
import org.keycloak.utils.JsonUtils;

/**
 * The {@code firm_access} claim: per firm of the user, the role, the programmatic-access switch
 * and the businesses they reach. Documented in docs/claims.md.
 */
public final class FirmAccessClaimMapper extends AbstractOIDCProtocolMapper implements OIDCAccessTokenMapper,
        OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper, EnvironmentDependentProviderFactory {

    public static final String PROVIDER_ID = "firm-access-claim-mapper";

    private static final List<ProviderConfigProperty> CONFIG = config();

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel model, UserSessionModel userSession,
            KeycloakSession session, ClientSessionContext clientSession) {
        ClaimConfig config = ClaimConfig.of(model.getConfig());
        UserModel user = userSession.getUser();
        FirmClaims claims = new FirmClaims(session);
        int cap = config.capOr(claims.realmCap());
        // One token response maps the claim into the access token, the ID token and more: build it once per request.
        String memo = PROVIDER_ID + '/' + user.getId() + '/' + cap + '/' + clientSession.getScopeString(true);
        Object value = session.getAttribute(memo);
        if (value == null) {
            value = claims.of(user, ClaimedFirms.of(session, user, clientSession), cap);
            session.setAttribute(memo, value);
        }
        // Not OIDCAttributeMapperHelper.mapClaim: it drops empty lists and keeps one element of single-valued ones.
        JsonUtils.mapClaim(JsonUtils.splitClaimPath(config.claimName()), value, token.getOtherClaims(), false);
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    private static List<ProviderConfigProperty> config() {
        List<ProviderConfigProperty> properties = new ArrayList<>();
        OIDCAttributeMapperHelper.addTokenClaimNameConfig(properties);
        properties.get(0).setDefaultValue(ClaimConfig.DEFAULT_CLAIM_NAME);
        ProviderConfigProperty cap = new ProviderConfigProperty();
        cap.setName(ClaimConfig.BUSINESS_CAP);
        cap.setLabel("Business cap");
        cap.setType(ProviderConfigProperty.STRING_TYPE);
        cap.setHelpText("At most this many businesses per firm are listed for a member; the claim then says"
                + " businessesCapped. Empty: the realm's claimBusinessCap setting.");
        properties.add(cap);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, FirmAccessClaimMapper.class);
        return List.copyOf(properties);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Firm access";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Adds the firms of the user with role, programmatic access and businesses (see docs/claims.md).";
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public boolean isSupported(Config.Scope config) {
        return Profile.isFeatureEnabled(Profile.Feature.ORGANIZATION);
    }
}
