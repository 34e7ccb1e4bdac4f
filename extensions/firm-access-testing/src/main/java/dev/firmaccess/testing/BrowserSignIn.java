package dev.firmaccess.testing;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs a user in the way a browser app does: the authorization-code flow with PKCE through the
 * realm's own login pages (identifier first, then password, as with organizations enabled), each
 * time with a new cookie jar ({@link PlainBrowser}), so the token's {@code auth_time} is now.
 */
record BrowserSignIn(HttpJson http, String realm, String clientId) {

    private static final Pattern LOGIN_FORM = Pattern.compile("action=\"([^\"]*login-actions/authenticate[^\"]*)\"");
    private static final String REDIRECT_URI = "http://127.0.0.1/signed-in";
    private static final int MAX_FORMS = 4;

    /** The token endpoint's answer to the code of a fresh sign-in. */
    HttpJson.Reply signIn(String username, String password) {
        PlainBrowser browser = new PlainBrowser(Duration.ofSeconds(30));
        String verifier = randomText();
        HttpResponse<String> page = browser.get(URI.create(http.url(
                "/realms/" + realm + "/protocol/openid-connect/auth?" + PlainBrowser.form(Map.of(
                        "client_id", clientId,
                        "response_type", "code",
                        "scope", "openid",
                        "redirect_uri", REDIRECT_URI,
                        "state", randomText(),
                        "code_challenge", challenge(verifier),
                        "code_challenge_method", "S256")))));
        for (int forms = 0; forms < MAX_FORMS && page.statusCode() == 200; forms++) {
            Matcher action = LOGIN_FORM.matcher(page.body());
            if (!action.find()) {
                break;
            }
            page = browser.postForm(URI.create(action.group(1).replace("&amp;", "&")),
                    Map.of("username", username, "password", password, "credentialId", ""));
        }
        String location = page.headers().firstValue("Location").orElse("");
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        if (page.statusCode() != 302 || !location.startsWith(REDIRECT_URI) || !code.find()) {
            throw new IllegalStateException("Browser sign-in of " + username + " did not end with a code: "
                    + page.statusCode() + " " + location);
        }
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("client_id", clientId);
        exchange.put("code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8));
        exchange.put("redirect_uri", REDIRECT_URI);
        exchange.put("code_verifier", verifier);
        return http.postForm("/realms/" + realm + "/protocol/openid-connect/token", exchange);
    }

    private static String randomText() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
