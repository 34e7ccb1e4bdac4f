package dev.firmaccess.keycloak.programmatic;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.OAuthErrorException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.endpoints.TokenIntrospectionEndpoint;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.RefreshToken;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.TokenIntrospectContext;
import org.keycloak.services.clientpolicy.context.TokenRefreshContext;
import org.keycloak.services.clientpolicy.context.UserInfoRequestContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

/**
 * Client-policy executor that applies the {@link ProgrammaticAccessGate} where Keycloak itself
 * accepts an issued token: on refresh (the refresh is refused with {@code invalid_grant}), on
 * introspection (the token is reported inactive) and on userinfo (refused with
 * {@code invalid_token}). Sessions that did not come from a connection key pass untouched.
 */
final class ProgrammaticAccessExecutor implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    private static final Logger LOG = Logger.getLogger(ProgrammaticAccessExecutor.class);

    /**
     * What the introspected token is replaced with when refused. Keycloak reads the token again
     * after the client policies ran; text that is no JWT makes it answer the RFC 7662 response
     * for a token that is not active, {@code {"active": false}}, rather than an error.
     */
    static final String WITHDRAWN_TOKEN = "withdrawn-by-firm-access";

    private final KeycloakSession session;

    ProgrammaticAccessExecutor(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getProviderId() {
        return ProgrammaticAccessExecutorFactory.PROVIDER_ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        switch (context.getEvent()) {
            case TOKEN_REFRESH -> onRefresh(((TokenRefreshContext) context).getParams());
            case TOKEN_INTROSPECT -> onIntrospection(((TokenIntrospectContext) context).getParams());
            case USERINFO_REQUEST -> onUserInfo((UserInfoRequestContext) context);
            default -> {
            }
        }
    }

    private void onRefresh(MultivaluedMap<String, String> params) throws ClientPolicyException {
        RefreshToken token = session.tokens().decode(params.getFirst(OAuth2Constants.REFRESH_TOKEN), RefreshToken.class);
        Optional<ProgrammaticAccessGate.Refusal> refusal = ProgrammaticAccessGate.of(session).refusalFor(token);
        if (refusal.isPresent()) {
            throw new ClientPolicyException(OAuthErrorException.INVALID_GRANT, refusal.get().description(),
                    Response.Status.BAD_REQUEST);
        }
    }

    private void onIntrospection(MultivaluedMap<String, String> params) {
        AccessToken token = session.tokens().decode(params.getFirst(TokenIntrospectionEndpoint.PARAM_TOKEN),
                AccessToken.class);
        ProgrammaticAccessGate.of(session).refusalFor(token).ifPresent(refusal -> {
            LOG.debugf("Introspection of a connection-key token answered inactive: %s", refusal.description());
            params.putSingle(TokenIntrospectionEndpoint.PARAM_TOKEN, WITHDRAWN_TOKEN);
        });
    }

    private void onUserInfo(UserInfoRequestContext context) throws ClientPolicyException {
        if (context.getClientSession() == null) {
            return;
        }
        Optional<ProgrammaticAccessGate.Refusal> refusal =
                ProgrammaticAccessGate.of(session).refusalFor(context.getClientSession().getUserSession());
        if (refusal.isPresent()) {
            throw new ClientPolicyException(OAuthErrorException.INVALID_TOKEN, refusal.get().description(),
                    Response.Status.UNAUTHORIZED);
        }
    }
}
