package dev.firmaccess.keycloak.claims;

import dev.firmaccess.keycloak.metrics.FirmAccessMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;
import org.keycloak.utils.JsonUtils;

/**
 * What the extension's claim mappers share: a JSON value built once per token response (which maps
 * it into the access token, the ID token and more) and written under a configurable claim name,
 * empty lists included; offered while Keycloak's organizations feature is on.
 */
public abstract class JsonClaimMapper extends AbstractOIDCProtocolMapper implements OIDCAccessTokenMapper,
        OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper, EnvironmentDependentProviderFactory {

    private final String defaultClaimName;
    private final List<ProviderConfigProperty> configProperties;

    protected JsonClaimMapper(String defaultClaimName, List<ProviderConfigProperty> ownProperties) {
        this.defaultClaimName = defaultClaimName;
        List<ProviderConfigProperty> properties = new ArrayList<>();
        OIDCAttributeMapperHelper.addTokenClaimNameConfig(properties);
        properties.get(0).setDefaultValue(defaultClaimName);
        properties.addAll(ownProperties);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, getClass());
        this.configProperties = List.copyOf(properties);
    }

    /** The claim's value for the user, as of now. */
    protected abstract Object value(KeycloakSession session, UserModel user, Map<String, String> config,
            ClientSessionContext clientSession);

    /** The value as the ID token carries it; the whole value unless a mapper trims it. */
    protected Object forIdToken(Object value) {
        return value;
    }

    /** What, besides the user, changes the value within one token response; nothing unless a mapper says so. */
    protected String variant(Map<String, String> config, ClientSessionContext clientSession) {
        return "";
    }

    @Override
    protected final void setClaim(IDToken token, ProtocolMapperModel model, UserSessionModel userSession,
            KeycloakSession session, ClientSessionContext clientSession) {
        UserModel user = userSession.getUser();
        String memo = getId() + '/' + user.getId() + '/' + variant(model.getConfig(), clientSession);
        Object value = session.getAttribute(memo);
        if (value == null) {
            value = FirmAccessMetrics.claim(getId(), () -> value(session, user, model.getConfig(), clientSession));
            session.setAttribute(memo, value);
        }
        // The access token, userinfo and introspection are AccessTokens; the ID token is the only plain IDToken.
        Object mapped = token instanceof AccessToken ? value : forIdToken(value);
        // Not OIDCAttributeMapperHelper.mapClaim: it drops empty lists and keeps one element of single-valued ones.
        JsonUtils.mapClaim(JsonUtils.splitClaimPath(claimName(model.getConfig())), mapped, token.getOtherClaims(),
                false);
    }

    /** The configured claim name, or the mapper's default when none is set. */
    protected String claimName(Map<String, String> config) {
        String name = config.get(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME);
        return name == null || name.isBlank() ? defaultClaimName : name.trim();
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return configProperties;
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public boolean isSupported(Config.Scope config) {
        return Profile.isFeatureEnabled(Profile.Feature.ORGANIZATION);
    }
}
