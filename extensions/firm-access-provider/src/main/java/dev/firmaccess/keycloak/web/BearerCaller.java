package dev.firmaccess.keycloak.web;

import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * An authenticated bearer of the firm or evaluation API; {@code keyFirmId} is the firm of the
 * connection key its session came from, or null for any other session.
 */
public record BearerCaller(AuthResult auth, String keyFirmId) {

    public boolean fromConnectionKey() {
        return keyFirmId != null;
    }
}
