package dev.firmaccess.keycloak.console;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import org.keycloak.common.util.SecretGenerator;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.utils.OAuth2Code;
import org.keycloak.protocol.oidc.utils.OAuth2CodeParser;
import org.keycloak.protocol.oidc.utils.PkceUtils;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * Signs staff in with the realm's own authorization-code flow (PKCE, S256) through the console
 * client, and recognises them afterwards by a signed cookie naming their Keycloak user session.
 */
final class ConsoleSignIn {

    private static final int LOGIN_LIFETIME_SECONDS = 600;

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
        ClientModel client = ConsoleClient.of(realm);
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
        ClientModel client = ConsoleClient.of(realm);
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
        UserSessionModel userSession = redeem(code, login.getVerifier());
        if (userSession == null) {
            return null;
        }
        ConsoleCookieToken signedIn = new ConsoleCookieToken();
        signedIn.subject(userSession.getUser().getId());
        signedIn.setSessionId(userSession.getId());
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
     * Redeems the code in-process, with the checks the realm's token endpoint makes for the console
     * client: once, unexpired, issued to that client for this callback, with the PKCE verifier of
     * this browser's login, for a live session of an enabled user. Nothing goes over HTTP, so no
     * Host header a client sends decides where a code is posted.
     */
    private UserSessionModel redeem(String code, String verifier) {
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection());
        OAuth2CodeParser.ParseResult parsed = OAuth2CodeParser.parseCode(session, code, realm, event);
        if (parsed.isIllegalCode() || parsed.isExpiredCode() || parsed.getClientSession() == null) {
            return null;
        }
        AuthenticatedClientSessionModel clientSession = parsed.getClientSession();
        OAuth2Code issued = parsed.getCodeData();
        boolean forThisLogin = ConsoleClient.CLIENT_ID.equals(clientSession.getClient().getClientId())
                && ConsolePaths.callback(session).equals(issued.getRedirectUriParam())
                && "S256".equals(issued.getCodeChallengeMethod())
                && PkceUtils.encodeCodeChallenge(verifier, "S256").equals(issued.getCodeChallenge());
        UserSessionModel userSession = clientSession.getUserSession();
        return forThisLogin && userSession != null && AuthenticationManager.isSessionValid(realm, userSession)
                && userSession.getUser().isEnabled() ? userSession : null;
    }
}
