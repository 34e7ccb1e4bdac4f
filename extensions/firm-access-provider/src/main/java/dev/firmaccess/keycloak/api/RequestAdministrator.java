package dev.firmaccess.keycloak.api;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.AccessToken;

/** Who made a change Keycloak itself carried out, such as a membership changed in its own Organizations pages. */
final class RequestAdministrator {

    private RequestAdministrator() {
    }

    /**
     * The administrator whose bearer token Keycloak authenticated for this request, if any. The admin
     * console's and admin-cli's tokens are lightweight and carry no {@code sub}: their user is the one
     * of the user session the token names.
     */
    static String of(KeycloakSession session) {
        if (!(session.getContext().getBearerToken() instanceof AccessToken token)) {
            return null;
        }
        if (token.getSubject() != null) {
            return token.getSubject();
        }
        String issuer = token.getIssuer();
        RealmModel tokenRealm = issuer == null ? null
                : session.realms().getRealmByName(issuer.substring(issuer.lastIndexOf('/') + 1));
        UserSessionModel userSession = tokenRealm == null || token.getSessionId() == null ? null
                : session.sessions().getUserSession(tokenRealm, token.getSessionId());
        return userSession == null ? null : userSession.getUser().getId();
    }
}
