package dev.firmaccess.keycloak.programmatic;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.OAuthErrorException;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.protocol.oidc.grants.OAuth2GrantType;
import org.keycloak.protocol.oidc.grants.OAuth2GrantTypeBase;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.CorsErrorResponseException;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.managers.UserSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

/**
 * {@code grant_type=urn:firm-access:grant-type:connection-key}: trades a connection key for the
 * tokens of a new user session of the key's user (an offline session when {@code offline_access}
 * is asked). The session carries the {@link ProgrammaticAccessGate#SESSION_NOTE}, by which
 * refresh, introspection and every firm-access API recognise it later. Only clients that opted in
 * with the {@link #CLIENT_ATTRIBUTE} accept it. Errors follow RFC 6749 section 5.2.
 */
final class ConnectionKeyGrantType extends OAuth2GrantTypeBase {

    /** Form parameter holding the key. */
    static final String KEY_PARAMETER = "connection_key";

    /** Client attribute a realm administrator sets to "true" on the clients that may exchange keys. */
    static final String CLIENT_ATTRIBUTE = "firm-access.connection-keys.enabled";

    static final String AUTH_METHOD = "connection_key";

    /** Client-session note by which Keycloak drops the online session once an offline one replaces it. */
    private static final String FIRST_OFFLINE_ACCESS_NOTE = "first.offline.access";

    private static final Logger LOG = Logger.getLogger(ConnectionKeyGrantType.class);

    @Override
    public EventType getEventType() {
        return EventType.LOGIN;
    }

    @Override
    public Set<String> getTokenParameterNames() {
        return Set.of(KEY_PARAMETER);
    }

    @Override
    public Response process(OAuth2GrantType.Context context) {
        setContext(context);
        event.detail(Details.AUTH_METHOD, AUTH_METHOD);
        if (!Boolean.parseBoolean(client.getAttribute(CLIENT_ATTRIBUTE))) {
            throw refuse(OAuthErrorException.UNAUTHORIZED_CLIENT, Errors.NOT_ALLOWED,
                    "Client not allowed to exchange connection keys");
        }
        if (client.isConsentRequired()) {
            throw refuse(OAuthErrorException.INVALID_CLIENT, Errors.CONSENT_DENIED,
                    "Client requires user consent, which a connection key cannot give");
        }
        String text = formParams.getFirst(KEY_PARAMETER);
        if (text == null || text.isBlank()) {
            throw refuse(OAuthErrorException.INVALID_REQUEST, Errors.INVALID_REQUEST,
                    "Missing form parameter: " + KEY_PARAMETER);
        }
        String keyId = ConnectionKeyFormat.keyIdOf(text.trim())
                .orElseThrow(() -> refuse(OAuthErrorException.INVALID_GRANT, Errors.INVALID_CODE,
                        "Malformed connection key: expected fak_<key id>_<secret> as shown when it was created"));
        ConnectionKeyEntity key = keys().find(realm.getId(), keyId)
                .filter(found -> ConnectionKeyFormat.matches(text.trim(), found.getSecretHash()))
                .orElseThrow(() -> refuse(OAuthErrorException.INVALID_GRANT, Errors.INVALID_CODE,
                        ProgrammaticAccessGate.Refusal.UNKNOWN_KEY.description()));
        event.detail("connection_key_id", key.getId());
        UserModel user = session.users().getUserById(realm, key.getUserId());
        if (user == null || !user.isEnabled()) {
            throw refuse(OAuthErrorException.INVALID_GRANT, Errors.USER_DISABLED,
                    "The connection key's user is disabled");
        }
        event.user(user);
        Optional<ProgrammaticAccessGate.Refusal> refusal = ProgrammaticAccessGate.of(session).refusalFor(key, user);
        if (refusal.isPresent()) {
            throw refuse(OAuthErrorException.INVALID_GRANT, Errors.ACCESS_DENIED, refusal.get().description());
        }
        ProgrammaticAccessPolicy.ensure(session, realm);

        String scope = getRequestedScopes();
        AuthenticationSessionModel authSession = authenticationSession(user, scope);
        UserSessionModel userSession = startSession(authSession, user, key);
        ClientSessionContext clientSessionCtx = TokenManager.attachAuthenticationSession(session, userSession,
                authSession);
        updateUserSessionFromClientAuth(userSession);
        // As for client credentials: when the token is offline, Keycloak then keeps only the offline session.
        clientSessionCtx.getClientSession().setNote(FIRST_OFFLINE_ACCESS_NOTE, Boolean.TRUE.toString());
        key.setLastUsedAt(System.currentTimeMillis());
        LOG.debugf("Connection key %s exchanged by client %s", key.getId(), client.getClientId());
        return createTokenResponse(user, userSession, clientSessionCtx, scope, false, null);
    }

    /** Refreshed tokens carry another grant type; only tokens issued by this grant are checked here. */
    @Override
    public boolean isTokenAllowed(KeycloakSession session, AccessToken token) {
        return ProgrammaticAccessGate.of(session).refusalFor(token).isEmpty();
    }

    private AuthenticationSessionModel authenticationSession(UserModel user, String scope) {
        RootAuthenticationSessionModel root =
                new AuthenticationSessionManager(session).createAuthenticationSession(realm, false);
        AuthenticationSessionModel authSession = root.createAuthenticationSession(client);
        authSession.setAuthenticatedUser(user);
        authSession.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        authSession.setClientNote(OIDCLoginProtocol.ISSUER,
                Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()));
        authSession.setClientNote(OIDCLoginProtocol.SCOPE_PARAM, scope);
        AuthenticationManager.setClientScopesInSession(session, authSession);
        return authSession;
    }

    private UserSessionModel startSession(AuthenticationSessionModel authSession, UserModel user,
            ConnectionKeyEntity key) {
        UserSessionModel userSession = new UserSessionManager(session).createUserSession(
                authSession.getParentSession().getId(), realm, user,
                user.getUsername(), clientConnection.getRemoteHost(), AUTH_METHOD, false, null, null,
                UserSessionModel.SessionPersistenceState.PERSISTENT);
        userSession.setNote(ProgrammaticAccessGate.SESSION_NOTE, key.getId());
        event.session(userSession);
        return userSession;
    }

    private ConnectionKeyRepository keys() {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        return new ConnectionKeyRepository(em);
    }

    private CorsErrorResponseException refuse(String error, String eventError, String description) {
        event.detail(Details.REASON, description);
        event.error(eventError);
        return new CorsErrorResponseException(cors, error, description, Response.Status.BAD_REQUEST);
    }
}
