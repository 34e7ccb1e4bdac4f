package dev.firmaccess.keycloak.portal;

import java.util.ArrayList;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.common.Profile;
import org.keycloak.connections.jpa.JpaConnectionProvider;
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
 * The {@code firm_portal} claim: the workspaces of a portal user, per firm, from their active
 * memberships of enabled firms and non-archived businesses; an empty array for none. One indexed
 * query per token response, whatever the number of token types it maps into. See docs/claims.md.
 */
public final class FirmPortalClaimMapper extends AbstractOIDCProtocolMapper implements OIDCAccessTokenMapper,
        OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper, EnvironmentDependentProviderFactory {

    public static final String PROVIDER_ID = "firm-portal-claim-mapper";

    private static final List<ProviderConfigProperty> CONFIG = config();

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel model, UserSessionModel userSession,
            KeycloakSession session, ClientSessionContext clientSession) {
        PortalClaimConfig config = PortalClaimConfig.of(model.getConfig());
        UserModel user = userSession.getUser();
        String memo = PROVIDER_ID + '/' + user.getId();
        Object value = session.getAttribute(memo);
        if (value == null) {
            value = claim(session, user);
            session.setAttribute(memo, value);
        }
        // Not OIDCAttributeMapperHelper.mapClaim: it drops empty lists, and "no workspaces" is an answer.
        JsonUtils.mapClaim(JsonUtils.splitClaimPath(config.claimName()), value, token.getOtherClaims(), false);
    }

    private static List<PortalClaim> claim(KeycloakSession session, UserModel user) {
        PortalReach reach = new PortalReach(session.getProvider(JpaConnectionProvider.class).getEntityManager());
        List<PortalReach.Workspace> workspaces = reach.workspacesOf(session.getContext().getRealm().getId(),
                user.getId());
        if (workspaces.isEmpty()) {
            return List.of();
        }
        return PortalClaim.of(workspaces, new PortalWorkspaces(session)::enabledFirm);
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    private static List<ProviderConfigProperty> config() {
        List<ProviderConfigProperty> properties = new ArrayList<>();
        OIDCAttributeMapperHelper.addTokenClaimNameConfig(properties);
        properties.get(0).setDefaultValue(PortalClaimConfig.DEFAULT_CLAIM_NAME);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, FirmPortalClaimMapper.class);
        return List.copyOf(properties);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Firm portal workspaces";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Adds the client-portal workspaces of the user, per firm, with role and level (see docs/claims.md).";
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public boolean isSupported(Config.Scope config) {
        return Profile.isFeatureEnabled(Profile.Feature.ORGANIZATION);
    }
}
