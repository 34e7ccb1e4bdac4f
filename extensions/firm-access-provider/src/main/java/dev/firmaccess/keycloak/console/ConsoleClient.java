package dev.firmaccess.keycloak.console;

import dev.firmaccess.keycloak.web.ExtensionClients;
import dev.firmaccess.keycloak.web.FirmApiAudience;
import java.util.Map;
import java.util.Set;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

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
        return ExtensionClients.require(realm, CLIENT_ID);
    }

    /** Creates the client unless the realm has it; for administrators' actions only. */
    public static ClientModel ensure(RealmModel realm) {
        return ExtensionClients.ensure(realm, CLIENT_ID, "Firm Access console", client -> {
            client.setFullScopeAllowed(false);
            client.setBaseUrl(ConsolePaths.path(realm));
            client.setRedirectUris(Set.of(ConsolePaths.path(realm) + "*"));
            Map.of("pkce.code.challenge.method", "S256", "post.logout.redirect.uris", "+")
                    .forEach(client::setAttribute);
            // The console itself needs no bearer token, but the client's tokens are those of the firm API.
            client.addClientScope(FirmApiAudience.ensureScope(realm), true);
        });
    }
}
