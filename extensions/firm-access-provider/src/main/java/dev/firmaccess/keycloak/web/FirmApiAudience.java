package dev.firmaccess.keycloak.web;

import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.mappers.AudienceProtocolMapper;
import org.keycloak.representations.AccessToken;

/**
 * The audience the firm API and the evaluation API require of access tokens, and the realm's client
 * scope that puts it there. A resource server that accepted every token of the realm would act on
 * tokens issued to any app, including one that only asked for a user's name; the audience says the
 * token was issued for calling us.
 */
public final class FirmApiAudience {

    /** The {@code aud} value the APIs require. */
    public static final String AUDIENCE = "firm-access-api";

    /** The client scope whose audience mapper adds {@link #AUDIENCE}; an app gets it as a default or optional scope. */
    public static final String SCOPE = "firm-access-api";

    private FirmApiAudience() {
    }

    public static boolean accepts(AccessToken token) {
        return token != null && token.hasAudience(AUDIENCE);
    }

    /** The realm's {@link #SCOPE} client scope, created with its audience mapper when the realm has none. */
    public static ClientScopeModel ensureScope(RealmModel realm) {
        ClientScopeModel existing = realm.getClientScopesStream()
                .filter(scope -> SCOPE.equals(scope.getName()))
                .findFirst()
                .orElse(null);
        if (existing != null) {
            return existing;
        }
        ClientScopeModel scope = realm.addClientScope(SCOPE);
        scope.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        scope.setDescription("Access tokens for the Firm Access API and the access evaluation API (audience "
                + AUDIENCE + ")");
        scope.setIncludeInTokenScope(true);
        scope.setDisplayOnConsentScreen(false);
        scope.addProtocolMapper(AudienceProtocolMapper.createClaimMapper(AUDIENCE + " audience", null, AUDIENCE,
                true, false, true));
        return scope;
    }
}
