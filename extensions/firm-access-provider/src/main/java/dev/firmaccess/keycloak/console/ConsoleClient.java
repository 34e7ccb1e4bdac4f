package dev.firmaccess.keycloak.console;

import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.web.FirmApiAudience;
import java.util.Map;
import java.util.Set;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

/**
 * The realm's public OIDC client the console signs in through. It is created when an administrator
 * turns Firm Access on for the realm, never by a request; an existing client of that id is used as
 * the operator left it.
 */
public final class ConsoleClient {

    static final String CLIENT_ID = "firm-access-console";

    private ConsoleClient() {
    }

    /** The realm's console client; 404 when an administrator removed it. */
    static ClientModel of(RealmModel realm) {
        ClientModel client = realm.getClientByClientId(CLIENT_ID);
        if (client == null) {
            throw FirmAccessException.notFound("Firm Access is not set up in this realm");
        }
        return client;
    }

    /** Creates the client unless the realm has it; for administrators' actions only. */
    public static ClientModel ensure(RealmModel realm) {
        ClientModel existing = realm.getClientByClientId(CLIENT_ID);
        if (existing != null) {
            return existing;
        }
        ClientModel client = realm.addClient(CLIENT_ID);
        client.setName("Firm Access console");
        client.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setDirectAccessGrantsEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setFullScopeAllowed(false);
        // ${authBaseUrl} keeps the redirect valid whatever hostname the server is reached by.
        client.setRootUrl("${authBaseUrl}");
        client.setBaseUrl(ConsolePaths.path(realm));
        client.setRedirectUris(Set.of(ConsolePaths.path(realm) + "*"));
        client.setWebOrigins(Set.of("+"));
        Map.of("pkce.code.challenge.method", "S256", "post.logout.redirect.uris", "+")
                .forEach(client::setAttribute);
        // The console itself needs no bearer token, but the client's tokens are those of the firm API.
        client.addClientScope(FirmApiAudience.ensureScope(realm), true);
        return client;
    }
}
