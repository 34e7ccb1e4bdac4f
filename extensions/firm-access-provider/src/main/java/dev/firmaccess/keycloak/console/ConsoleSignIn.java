package dev.firmaccess.keycloak.console;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.keycloak.common.util.SecretGenerator;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.utils.PkceUtils;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.util.JsonSerialization;

/**
 * Signs staff in with the realm's own authorization-code flow (PKCE, S256) through the console
 * client, and recognises them afterwards by a signed cookie naming their Keycloak user session.
 */
final class ConsoleSignIn {

    private static final int LOGIN_LIFETIME_SECONDS = 600;
    private static final Duration TOKEN_CALL_TIMEOUT = Duration.ofSeconds(10);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ConsoleCookies cookies;

    ConsoleSignIn(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.cookies = new ConsoleCookies(session);
    }

    /** The signed-in user, or null when there is no valid cookie or its Keycloak session has ended. */
    ConsoleUser current() {
        ConsoleCookieToken token = cookies.read(ConsoleCookieToken.SESSION);
        if (token == null || token.getSessionId() == null) {
            return null;
        }
        UserSessionModel userSession = session.sessions().getUserSession(realm, token.getSessionId());
        if (userSession == null || userSession.getState() != UserSessionModel.State.LOGGED_IN
                || !userSession.getUser().getId().equals(token.getSubject()) || !userSession.getUser().isEnabled()) {
            return null;
        }
        UserModel user = userSession.getUser();
        ClientModel client = ConsoleClient.ensure(realm);
        AccessToken asToken = new AccessToken();
        asToken.subject(user.getId());
        asToken.issuedFor(client.getClientId());
        return new ConsoleUser(new AuthResult(user, userSession, asToken, client), token.getCsrf());
    }

    /** Sends the browser to the realm's login, to come back to the console page it asked for. */
    Response redirectToLogin() {
        URI requested = session.getContext().getUri().getRequestUri();
        return redirectToLogin(requested.getRawPath()
                + (requested.getRawQuery() == null ? "" : "?" + requested.getRawQuery()));
    }

    /**
     * Sends the browser to the realm's login, to come back to {@code returnTo} when that is a page
     * of this realm's console (see {@link ConsoleReturnPath}), and to the console's home otherwise.
     */
    Response redirectToLogin(String returnTo) {
        ClientModel client = ConsoleClient.ensure(realm);
        ConsoleCookieToken login = new ConsoleCookieToken();
        login.setState(SecretGenerator.getInstance().randomString(32));
        login.setVerifier(PkceUtils.generateCodeVerifier());
        login.setReturnPath(ConsoleReturnPath.of(returnTo, ConsolePaths.basePath(session)).orElse(null));
        URI authorize = UriBuilder.fromUri(ConsolePaths.realmBase(session) + "/protocol/openid-connect/auth")
                .queryParam("client_id", client.getClientId())
                .queryParam("response_type", "code")
                .queryParam("scope", "openid")
                .queryParam("redirect_uri", ConsolePaths.callback(session))
                .queryParam("state", login.getState())
                .queryParam("code_challenge", PkceUtils.encodeCodeChallenge(login.getVerifier(), "S256"))
                .queryParam("code_challenge_method", "S256")
                .build();
        return Response.seeOther(authorize)
                .cookie(cookies.write(ConsoleCookieToken.LOGIN, login, LOGIN_LIFETIME_SECONDS))
                .build();
    }

    /** Finishes the code flow: answers the redirect into the console with the session cookie, or null when refused. */
    Response complete(String code, String state) {
        ConsoleCookieToken login = cookies.read(ConsoleCookieToken.LOGIN);
        if (login == null || code == null || state == null || !state.equals(login.getState())) {
            return null;
        }
        AccessToken accessToken = exchange(code, login.getVerifier());
        if (accessToken == null || accessToken.getSessionId() == null) {
            return null;
        }
        ConsoleCookieToken signedIn = new ConsoleCookieToken();
        signedIn.subject(accessToken.getSubject());
        signedIn.setSessionId(accessToken.getSessionId());
        signedIn.setCsrf(SecretGenerator.getInstance().randomString(32));
        int lifetime = Math.max(realm.getSsoSessionMaxLifespan(), realm.getSsoSessionIdleTimeout());
        return Response.seeOther(returnTarget(login.getReturnPath()))
                .cookie(cookies.write(ConsoleCookieToken.SESSION, signedIn, lifetime),
                        cookies.expire(ConsoleCookieToken.LOGIN))
                .build();
    }

    /**
     * The page to go to: the console page asked for, checked again although the cookie is signed, or
     * the console's home. The path is resolved against the console's own address, so it stays on
     * this server.
     */
    URI returnTarget(String returnPath) {
        URI home = URI.create(ConsolePaths.base(session));
        return ConsoleReturnPath.of(returnPath, ConsolePaths.basePath(session)).map(home::resolve).orElse(home);
    }

    Response logout(ConsoleUser user) {
        AuthenticationManager.backchannelLogout(session, user.auth().session(), true);
        AuthenticationManager.expireIdentityCookie(session);
        return Response.seeOther(URI.create(ConsolePaths.base(session)))
                .cookie(cookies.expire(ConsoleCookieToken.SESSION))
                .build();
    }

    /**
     * Trades the code at the realm's token endpoint, like any OIDC client would, and keeps the
     * access token only when the realm's keys sign it and it was issued to the console client.
     */
    private AccessToken exchange(String code, String verifier) {
        Map<String, String> form = Map.of(
                "grant_type", "authorization_code",
                "code", code,
                "redirect_uri", ConsolePaths.callback(session),
                "client_id", ConsoleClient.CLIENT_ID,
                "code_verifier", verifier);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(ConsolePaths.realmBase(session)
                        + "/protocol/openid-connect/token"))
                .timeout(TOKEN_CALL_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(TOKEN_CALL_TIMEOUT).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return null;
            }
            JsonNode tokens = JsonSerialization.readValue(response.body(), JsonNode.class);
            AccessToken token = session.tokens().decode(tokens.path("access_token").asText(), AccessToken.class);
            return token != null && token.isActive() && ConsoleClient.CLIENT_ID.equals(token.getIssuedFor())
                    ? token : null;
        } catch (IOException failed) {
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
