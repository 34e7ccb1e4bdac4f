package dev.firmaccess.keycloak.web;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/** Authenticates the bearer access token of the request against the realm of the request. */
public final class BearerAuth {

    private BearerAuth() {
    }

    public static AuthResult require(KeycloakSession session) {
        AuthResult result;
        try {
            result = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        } catch (RuntimeException invalid) {
            result = null;
        }
        if (result == null || result.user() == null) {
            throw ApiErrors.unauthorized("A valid bearer access token of this realm is required");
        }
        return result;
    }
}
