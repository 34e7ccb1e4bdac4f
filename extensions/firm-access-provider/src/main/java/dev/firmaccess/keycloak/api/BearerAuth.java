package dev.firmaccess.keycloak.api;

import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.programmatic.ProgrammaticAccessGate;
import dev.firmaccess.keycloak.web.BearerCaller;
import dev.firmaccess.keycloak.web.FirmApiAudience;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * Authenticates the bearer access token of the request against the realm of the request. The token
 * must name the firm API in its audience ({@link FirmApiAudience}). A token of a session that came
 * from a connection key is refused while its key may not act, so the programmatic-access switch
 * also holds for access tokens issued before it was turned off.
 */
public final class BearerAuth {

    private BearerAuth() {
    }

    public static BearerCaller require(KeycloakSession session) {
        AuthResult result;
        try {
            result = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        } catch (RuntimeException invalid) {
            result = null;
        }
        if (result == null || result.user() == null) {
            throw FirmAccessException.of(ErrorCode.INVALID_TOKEN,
                    "A valid bearer access token of this realm is required");
        }
        if (!FirmApiAudience.accepts(result.token())) {
            throw FirmAccessException.of(ErrorCode.WRONG_AUDIENCE,
                    "The access token is not meant for this API: its audience must include '"
                    + FirmApiAudience.AUDIENCE + "' (client scope " + FirmApiAudience.SCOPE + ")");
        }
        ProgrammaticAccessGate gate = ProgrammaticAccessGate.of(session);
        gate.refusalFor(result.session()).ifPresent(refusal -> {
            throw FirmAccessException.of(ErrorCode.KEY_SESSION_REFUSED, refusal.description());
        });
        return new BearerCaller(result, gate.keyFirmOf(result.session()).orElse(null));
    }
}
