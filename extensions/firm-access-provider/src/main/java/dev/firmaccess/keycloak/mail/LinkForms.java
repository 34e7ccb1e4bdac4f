package dev.firmaccess.keycloak.mail;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.keycloak.common.util.SecretGenerator;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;

/**
 * Guards the forms of the pages behind a mailed link against cross-site posts (double submit,
 * bound to the link): showing a page gives the browser a random cookie, and the page's forms carry
 * a token signed with the realm's keys over the link and that cookie. Another site can make a
 * browser post, but it cannot read the token, and a token shown for one link or browser does not
 * fit another. Nothing is kept on the server.
 */
public final class LinkForms {

    static final String COOKIE = "firm-link-form";
    public static final String FIELD = "formToken";
    private static final int COOKIE_VALUE_LENGTH = 32;

    private final KeycloakSession session;
    private final RealmModel realm;

    public LinkForms(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** Puts the token for {@code link} on the page, giving the browser its form cookie when it has none. */
    public LoginFormsProvider attach(LoginFormsProvider form, String link) {
        String browser = browserValue();
        if (browser == null) {
            browser = SecretGenerator.getInstance().randomString(COOKIE_VALUE_LENGTH);
            session.getContext().getHttpResponse().setCookieIfAbsent(cookie(browser));
        }
        LinkFormToken token = new LinkFormToken();
        token.type(LinkFormToken.TYPE);
        token.issuer(issuer());
        token.setLinkHash(hash(link));
        token.setBrowserHash(hash(browser));
        return form.setAttribute(FIELD, session.tokens().encode(token));
    }

    /** Whether a posted token was shown for this link in this browser. */
    public boolean accepts(String link, String submitted) {
        String browser = browserValue();
        if (browser == null || submitted == null || submitted.isBlank()) {
            return false;
        }
        LinkFormToken token;
        try {
            token = session.tokens().decode(submitted, LinkFormToken.class);
        } catch (RuntimeException malformed) {
            return false;
        }
        return token != null && LinkFormToken.TYPE.equals(token.getType()) && issuer().equals(token.getIssuer())
                && equal(hash(link), token.getLinkHash()) && equal(hash(browser), token.getBrowserHash());
    }

    private String browserValue() {
        Cookie cookie = session.getContext().getRequestHeaders().getCookies().get(COOKIE);
        return cookie == null || cookie.getValue() == null || cookie.getValue().length() != COOKIE_VALUE_LENGTH
                ? null : cookie.getValue();
    }

    private NewCookie cookie(String value) {
        return new NewCookie.Builder(COOKIE)
                .value(value)
                .path("/realms/" + realm.getName() + "/firm-access/")
                .httpOnly(true)
                .secure("https".equals(session.getContext().getUri().getBaseUri().getScheme()))
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    private String issuer() {
        return Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName());
    }

    private static boolean equal(String expected, String actual) {
        return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                actual.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hash(String value) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
