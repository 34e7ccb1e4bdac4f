package dev.firmaccess.keycloak.console;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Signs, reads and expires the console's cookies; nothing is kept on the server but Keycloak's own user session. */
final class ConsoleCookies {

    private final KeycloakSession session;
    private final RealmModel realm;

    ConsoleCookies(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    NewCookie write(String name, ConsoleCookieToken token, int lifetimeSeconds) {
        token.issuer(ConsolePaths.realmBase(session));
        token.type(name);
        token.iat((long) Time.currentTime());
        token.exp((long) Time.currentTime() + lifetimeSeconds);
        return cookie(name, session.tokens().encode(token), lifetimeSeconds);
    }

    /** The cookie's token when its signature, issuer, purpose and lifetime are all right; otherwise null. */
    ConsoleCookieToken read(String name) {
        Cookie cookie = session.getContext().getRequestHeaders().getCookies().get(name);
        if (cookie == null || cookie.getValue() == null || cookie.getValue().isBlank()) {
            return null;
        }
        ConsoleCookieToken token;
        try {
            token = session.tokens().decode(cookie.getValue(), ConsoleCookieToken.class);
        } catch (RuntimeException malformed) {
            return null;
        }
        boolean valid = token != null && token.isActive() && name.equals(token.getType())
                && ConsolePaths.realmBase(session).equals(token.getIssuer());
        return valid ? token : null;
    }

    NewCookie expire(String name) {
        return cookie(name, "", 0);
    }

    private NewCookie cookie(String name, String value, int maxAge) {
        return new NewCookie.Builder(name)
                .value(value)
                .path(ConsolePaths.path(realm))
                .maxAge(maxAge)
                .httpOnly(true)
                .secure("https".equals(session.getContext().getUri().getBaseUri().getScheme()))
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }
}
