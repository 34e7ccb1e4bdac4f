package dev.firmaccess.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
import java.util.stream.Collectors;

/**
 * Signs a user in the way a browser app does: the authorization-code flow with PKCE through the
 * realm's own login pages (identifier first, then password, as with organizations enabled), each
 * time with a new cookie jar, so the token's {@code auth_time} is now. Plain HTTP, no browser. The
 * jar is kept by hand: Keycloak marks its login cookies {@code Secure}, which
 * {@link java.net.CookieManager} then never sends over the plain HTTP of the test server, while
 * browsers treat loopback as secure.
 */
final class BrowserSignIn {

    private static final Pattern LOGIN_FORM = Pattern.compile("action=\"([^\"]*login-actions/authenticate[^\"]*)\"");
    private static final String REDIRECT_URI = "http://127.0.0.1/signed-in";
    private static final int MAX_FORMS = 4;

    private final HttpJson http;
    private final String realm;
    private final String clientId;

    BrowserSignIn(HttpJson http, String realm, String clientId) {
        this.http = http;
        this.realm = realm;
        this.clientId = clientId;
    }

    /** The token endpoint's answer to the code of a fresh sign-in. */
    HttpJson.Reply signIn(String username, String password) {
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Map<String, String> cookies = new LinkedHashMap<>();
        String verifier = randomText();
        HttpResponse<String> page = send(browser, cookies, HttpRequest.newBuilder(URI.create(http.url(
                "/realms/" + realm + "/protocol/openid-connect/auth?" + form(Map.of(
                        "client_id", clientId,
                        "response_type", "code",
                        "scope", "openid",
                        "redirect_uri", REDIRECT_URI,
                        "state", randomText(),
                        "code_challenge", challenge(verifier),
                        "code_challenge_method", "S256"))))).GET());
        for (int forms = 0; forms < MAX_FORMS && page.statusCode() == 200; forms++) {
            Matcher action = LOGIN_FORM.matcher(page.body());
            if (!action.find()) {
                break;
            }
            page = send(browser, cookies, HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                            "username", username, "password", password, "credentialId", "")))));
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

    private static HttpResponse<String> send(HttpClient browser, Map<String, String> cookies,
            HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = browser.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
                }
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
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
