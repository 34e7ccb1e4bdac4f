package dev.firmaccess.keycloak.api;

import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.firm.CallerOrigin;
import dev.firmaccess.keycloak.web.BearerCaller;
import org.keycloak.OAuth2Constants;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.protocol.oidc.encode.TokenContextEncoderProvider;
import org.keycloak.representations.AccessToken;

/**
 * The origin of a bearer token of the firm API. A token of a connection-key session is bound to the
 * key's firm and never mints keys. Any other token mints a key only when the authorization-code
 * grant issued it (a browser sign-in, not a password, refresh, client-credentials or exchange grant)
 * and its user authenticated at most {@code maxAuthAgeSeconds} ago ({@code auth_time}).
 */
record TokenOrigin(KeycloakSession session, BearerCaller caller, int maxAuthAgeSeconds) implements CallerOrigin {

    @Override
    public boolean reaches(OrganizationModel firm) {
        return caller.keyFirmId() == null || caller.keyFirmId().equals(firm.getId());
    }

    @Override
    public void requireMayMintKeys() {
        if (caller.keyFirmId() != null) {
            throw FirmAccessException.of(ErrorCode.KEY_CREATION_REFUSED,
                    "A session made from a connection key cannot create connection keys");
        }
        AccessToken token = caller.auth().token();
        if (!OAuth2Constants.AUTHORIZATION_CODE.equals(grantTypeOf(token))) {
            throw FirmAccessException.staleAuthentication(ErrorCode.INTERACTIVE_SIGN_IN_REQUIRED,
                    "Creating a connection key needs an access token from a"
                    + " browser sign-in (authorization code flow), or the firm console", maxAuthAgeSeconds);
        }
        Long authTime = token.getAuth_time();
        if (authTime == null || Time.currentTime() - authTime > maxAuthAgeSeconds) {
            throw FirmAccessException.staleAuthentication(ErrorCode.RECENT_SIGN_IN_REQUIRED,
                    "Creating a connection key needs a sign-in within the last "
                    + maxAuthAgeSeconds + " seconds; sign in again", maxAuthAgeSeconds);
        }
    }

    private String grantTypeOf(AccessToken token) {
        try {
            return session.getProvider(TokenContextEncoderProvider.class).getTokenContextFromTokenId(token.getId())
                    .getGrantType();
        } catch (IllegalArgumentException legacyTokenId) {
            return null;
        }
    }
}
