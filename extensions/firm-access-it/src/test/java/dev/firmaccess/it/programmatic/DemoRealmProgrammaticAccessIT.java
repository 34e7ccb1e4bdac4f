package dev.firmaccess.it.programmatic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.WithSharedServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The demo realm ships the key client and the client policy, and Keycloak accepts both on import. */
@WithSharedServer
class DemoRealmProgrammaticAccessIT {

    @Test
    void theDemoRealmImportsWithTheScriptsClientAndTheSwitchPolicy(TestEnvironment env) throws IOException {
        Path file = Path.of(System.getProperty("firm-access.project.root"), "realm-config", "demo-realm.json");
        ObjectNode demo = (ObjectNode) HttpJson.MAPPER.readTree(file.toFile());
        String name = "demo-" + UUID.randomUUID().toString().substring(0, 8);
        demo.put("realm", name);
        HttpJson http = env.http();
        String admin = env.admin().tokenManager().getAccessTokenString();

        HttpJson.Reply created = http.post("/admin/realms", admin, demo);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode policies = http.get("/admin/realms/" + name + "/client-policies/policies", admin).json();
        assertThat(policies.get("policies").findValuesAsText("name")).contains("firm-access-programmatic-access");
        JsonNode profiles = http.get("/admin/realms/" + name + "/client-policies/profiles", admin).json();
        assertThat(profiles.get("profiles").findValuesAsText("executor")).contains("firm-access-programmatic-access");
        JsonNode scripts = http.get("/admin/realms/" + name + "/clients?clientId=firm-scripts", admin).json().get(0);
        assertThat(scripts.get("publicClient").asBoolean()).isTrue();
        assertThat(scripts.get("attributes").get("firm-access.connection-keys.enabled").asText()).isEqualTo("true");
        assertThat(http.delete("/admin/realms/" + name, admin).status()).isEqualTo(204);
    }
}
