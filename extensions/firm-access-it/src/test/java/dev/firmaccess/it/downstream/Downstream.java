package dev.firmaccess.it.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.it.support.Api;
import dev.firmaccess.it.support.RealmClients;
import dev.firmaccess.testing.ClaimScope;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.TestRealm;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Sets up what downstream apps see: firm data through the realm-admin API, the claim scope, and client callers. */
final class Downstream {

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
        RealmClients.create(realm.admin(), RealmClients.withServiceAccount(clientId, SECRET));
        if (evaluator) {
            RealmClients.makeEvaluator(realm.admin(), clientId);
        }
    }

    String clientToken(String clientId) {
        return RealmClients.token(http, realm.name(), clientId, SECRET);
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
