package dev.firmaccess.it.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.it.support.Api;
import dev.firmaccess.testing.ClaimScope;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.TestRealm;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

/** Sets up what downstream apps see: firm data through the realm-admin API, the claim scope, and client callers. */
final class Downstream {

    static final String EVALUATOR_ROLE = "firm-access-evaluator";
    static final String SECRET = "s3cret-for-tests";

    private final HttpJson http;
    /** Calls whose replies are held to the OpenAPI document. */
    private final Api checked;
    private final TestRealm realm;

    Downstream(HttpJson http, TestRealm realm) {
        this.http = http;
        this.checked = new Api(http);
        this.realm = realm;
    }

    String admin(String firm) {
        return "/admin/realms/" + realm.name() + "/firm-access/firms/" + firm;
    }

    HttpJson.Reply asAdmin(String method, String path, Object body) {
        String token = realm.adminToken();
        return switch (method) {
            case "PUT" -> checked.put(path, token, body);
            case "POST" -> checked.post(path, token, body);
            case "DELETE" -> checked.delete(path, token);
            default -> checked.get(path, token);
        };
    }

    HttpJson.Reply ok(HttpJson.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isBetween(200, 204);
        return reply;
    }

    void role(String firm, String userId, String role) {
        ok(asAdmin("PUT", admin(firm) + "/staff/" + userId + "/role", Map.of("role", role)));
    }

    String business(String firm, String name) {
        return ok(asAdmin("POST", admin(firm) + "/businesses", Map.of("name", name))).json().get("id").asText();
    }

    void grantUser(String firm, String businessId, String userId, String level) {
        ok(asAdmin("PUT", admin(firm) + "/businesses/" + businessId + "/grants/users/" + userId, Map.of("level", level)));
    }

    void revokeUser(String firm, String businessId, String userId) {
        ok(asAdmin("DELETE", admin(firm) + "/businesses/" + businessId + "/grants/users/" + userId, null));
    }

    String team(String firm, String name, String... memberIds) {
        String teamId = ok(asAdmin("POST", admin(firm) + "/teams", Map.of("name", name))).json().get("id").asText();
        for (String member : memberIds) {
            ok(asAdmin("PUT", admin(firm) + "/teams/" + teamId + "/members/" + member, ""));
        }
        return teamId;
    }

    void grantTeam(String firm, String businessId, String teamId, String level) {
        ok(asAdmin("PUT", admin(firm) + "/businesses/" + businessId + "/grants/teams/" + teamId, Map.of("level", level)));
    }

    void settings(Map<String, Object> change) {
        ok(asAdmin("PUT", "/admin/realms/" + realm.name() + "/firm-access/settings", change));
    }

    void programmaticAccess(String firm, String userId, boolean enabled) {
        ok(asAdmin("PUT", admin(firm) + "/staff/" + userId + "/programmatic-access", Map.of("enabled", enabled)));
    }

    /** The {@code firm-access} client scope with the claim mapper, a default scope of the test client. */
    void installClaimScope(Map<String, String> mapperConfig) {
        realm.admin().clients().get(testClientId())
                .addDefaultClientScope(ClaimScope.create(realm.admin(), "firm-access", mapperConfig));
    }

    /** Keycloak's built-in {@code organization} scope, optional on the test client so tokens may ask for it. */
    void offerOrganizationScope() {
        String organization = realm.admin().clientScopes().findAll().stream()
                .filter(s -> "organization".equals(s.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("The realm has no built-in organization client scope"))
                .getId();
        boolean assigned = realm.admin().clients().get(testClientId()).getOptionalClientScopes().stream()
                .anyMatch(s -> s.getId().equals(organization))
                || realm.admin().clients().get(testClientId()).getDefaultClientScopes().stream()
                .anyMatch(s -> s.getId().equals(organization));
        if (!assigned) {
            realm.admin().clients().get(testClientId()).addOptionalClientScope(organization);
        }
    }

    /** A confidential client with a service account, optionally holding the evaluator realm role. */
    void serviceClient(String clientId, boolean evaluator) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setPublicClient(false);
        client.setSecret(SECRET);
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        try (Response created = realm.admin().clients().create(client)) {
            assertThat(created.getStatus()).isEqualTo(201);
        }
        if (evaluator) {
            if (realm.admin().roles().list().stream().noneMatch(r -> EVALUATOR_ROLE.equals(r.getName()))) {
                RoleRepresentation role = new RoleRepresentation();
                role.setName(EVALUATOR_ROLE);
                realm.admin().roles().create(role);
            }
            String id = realm.admin().clients().findByClientId(clientId).get(0).getId();
            String serviceAccount = realm.admin().clients().get(id).getServiceAccountUser().getId();
            realm.admin().users().get(serviceAccount).roles().realmLevel()
                    .add(List.of(realm.admin().roles().get(EVALUATOR_ROLE).toRepresentation()));
        }
    }

    String clientToken(String clientId) {
        HttpJson.Reply reply = http.postForm(tokenPath(), Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", SECRET));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get("access_token").asText();
    }

    /** Password grant through the test client with the given scope parameter. */
    JsonNode signIn(String username, String scope) {
        HttpJson.Reply reply = http.postForm(tokenPath(), Map.of("grant_type", "password",
                "client_id", TestRealm.TEST_CLIENT, "username", username, "password", TestRealm.PASSWORD,
                "scope", scope));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    String tokenPath() {
        return "/realms/" + realm.name() + "/protocol/openid-connect/token";
    }

    static JsonNode payload(String jwt) {
        byte[] json = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
        try {
            return HttpJson.MAPPER.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private String testClientId() {
        return realm.admin().clients().findByClientId(TestRealm.TEST_CLIENT).get(0).getId();
    }
}
