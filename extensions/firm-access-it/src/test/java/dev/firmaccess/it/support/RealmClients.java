package dev.firmaccess.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.testing.HttpJson;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

/** Clients of a test realm for the apps that call the firm's APIs, and the confidential ones' tokens. */
public final class RealmClients {

    /** The realm role that lets a client's service account ask the evaluation API about anyone. */
    public static final String EVALUATOR_ROLE = "firm-access-evaluator";

    private RealmClients() {
    }

    /** A client without the browser sign-in (the standard flow); public or confidential is the caller's to set. */
    public static ClientRepresentation withoutBrowserSignIn(String clientId) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setStandardFlowEnabled(false);
        return client;
    }

    /** A confidential client with the secret and no browser sign-in. */
    public static ClientRepresentation confidential(String clientId, String secret) {
        ClientRepresentation client = withoutBrowserSignIn(clientId);
        client.setPublicClient(false);
        client.setSecret(secret);
        return client;
    }

    /** A confidential client with a service account, which signs in with the client-credentials grant. */
    public static ClientRepresentation withServiceAccount(String clientId, String secret) {
        ClientRepresentation client = confidential(clientId, secret);
        client.setServiceAccountsEnabled(true);
        return client;
    }

    /** Creates the client in the realm, and checks that it was. */
    public static void create(RealmResource realm, ClientRepresentation client) {
        try (Response created = realm.clients().create(client)) {
            assertThat(created.getStatus()).as("creating client %s", client.getClientId()).isEqualTo(201);
        }
    }

    /** Gives the client's service account the evaluator role, creating the role in a realm that has none yet. */
    public static void makeEvaluator(RealmResource realm, String clientId) {
        if (realm.roles().list().stream().noneMatch(role -> EVALUATOR_ROLE.equals(role.getName()))) {
            RoleRepresentation role = new RoleRepresentation();
            role.setName(EVALUATOR_ROLE);
            realm.roles().create(role);
        }
        String id = realm.clients().findByClientId(clientId).get(0).getId();
        String serviceAccount = realm.clients().get(id).getServiceAccountUser().getId();
        realm.users().get(serviceAccount).roles().realmLevel()
                .add(List.of(realm.roles().get(EVALUATOR_ROLE).toRepresentation()));
    }

    /** The service account's access token, by the client-credentials grant. */
    public static String token(HttpJson http, String realmName, String clientId, String secret) {
        HttpJson.Reply reply = http.postForm("/realms/" + realmName + "/protocol/openid-connect/token", Map.of(
                "grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get("access_token").asText();
    }
}
