package dev.firmaccess.keycloak.web;

import dev.firmaccess.keycloak.core.FirmAccessException;
import java.util.Set;
import java.util.function.Consumer;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

/** The clients the extension sets up in a realm: public OIDC clients that sign people in through the browser. */
public final class ExtensionClients {

    private ExtensionClients() {
    }

    /**
     * The realm's client with this id; 404 when an administrator removed it, since requests, which
     * may be anonymous, never create it.
     */
    public static ClientModel require(RealmModel realm, String clientId) {
        ClientModel client = realm.getClientByClientId(clientId);
        if (client == null) {
            throw FirmAccessException.notFound("Firm Access is not set up in this realm");
        }
        return client;
    }

    /**
     * The realm's client with this id, created unless the realm has it: public, the standard flow
     * only, at the address the server is reached by, then set up further by {@code setUp}. For
     * administrators' actions only.
     */
    public static ClientModel ensure(RealmModel realm, String clientId, String name, Consumer<ClientModel> setUp) {
        ClientModel existing = realm.getClientByClientId(clientId);
        if (existing != null) {
            return existing;
        }
        ClientModel client = realm.addClient(clientId);
        client.setName(name);
        client.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setDirectAccessGrantsEnabled(false);
        client.setImplicitFlowEnabled(false);
        // ${authBaseUrl} keeps the redirect valid whatever hostname the server is reached by.
        client.setRootUrl("${authBaseUrl}");
        client.setWebOrigins(Set.of("+"));
        setUp.accept(client);
        return client;
    }
}
