package dev.firmaccess.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.WithSharedServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The realm-wide settings as realm administrators edit them in Keycloak's admin console: the
 * server offers the tab, and saving it is the component call the admin console makes.
 */
@WithSharedServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminSettingsTabIT {

    private static final String TAB_TYPE = "org.keycloak.services.ui.extend.UiTabProvider";

    private HttpJson http;
    private TestRealm realm;
    private String settingsPath;
    private String componentsPath;
    private String realmId;

    @BeforeAll
    void setUp(TestEnvironment env) {
        http = env.http();
        realm = env.newRealm("settings-tab");
        settingsPath = "/admin/realms/" + realm.name() + "/firm-access/settings";
        componentsPath = "/admin/realms/" + realm.name() + "/components";
        realmId = realm.admin().toRepresentation().getId();
    }

    @Test
    void theServerOffersTheTabOnRealmSettings() {
        JsonNode tabs = http.get("/admin/serverinfo", realm.adminToken()).json().path("componentTypes").path(TAB_TYPE);

        JsonNode tab = null;
        for (JsonNode candidate : tabs) {
            if ("Firm Access".equals(candidate.path("id").asText())) {
                tab = candidate;
            }
        }
        assertThat(tab).as("UI tab in %s", tabs).isNotNull();
        assertThat(tab.path("metadata").path("path").asText()).isEqualTo("/:realm/realm-settings/:tab");
        assertThat(tab.path("metadata").path("params").path("tab").asText()).isEqualTo("firm-access");
        assertThat(tab.path("properties").findValuesAsText("name")).contains("roleLabelOwner", "accessLevels",
                "resendCooldownMinutes", "membersMayCreateBusinesses");
    }

    @Test
    void savingTheTabChangesTheSettingsAndABadValueChangesNothing() {
        HttpJson.Reply bad = http.post(componentsPath, realm.adminToken(), tab(Map.of(
                "accessLevels", List.of("read", "full"), "resendCooldownMinutes", List.of("25"))));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(http.get(settingsPath, realm.adminToken()).json().path("resendCooldownMinutes").asInt()).isEqualTo(10);

        HttpJson.Reply saved = http.post(componentsPath, realm.adminToken(), tab(Map.of(
                "roleLabelOwner", List.of("Partner"), "roleLabelAdmin", List.of("Manager"),
                "roleLabelMember", List.of("Associate"), "accessLevels", List.of("full", "read"),
                "resendCooldownMinutes", List.of("25"), "membersMayCreateBusinesses", List.of("false"))));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);

        JsonNode settings = http.get(settingsPath, realm.adminToken()).json();
        assertThat(settings.path("roleLabels").path("owner").asText()).isEqualTo("Partner");
        assertThat(settings.path("accessLevels").toString()).isEqualTo("[\"full\",\"read\"]");
        assertThat(settings.path("resendCooldownMinutes").asInt()).isEqualTo(25);
        assertThat(settings.path("membersMayCreateBusinesses").asBoolean()).isFalse();

        HttpJson.Reply viaApi = http.put(settingsPath, realm.adminToken(), Map.of("claimBusinessCap", 42));
        assertThat(viaApi.status()).as(viaApi.toString()).isEqualTo(200);
        JsonNode component = http.get(componentsPath + "?type=" + TAB_TYPE, realm.adminToken()).json().get(0);
        assertThat(component.path("config").path("claimBusinessCap").get(0).asText()).isEqualTo("42");

    }

    private Map<String, Object> tab(Map<String, List<String>> config) {
        return Map.of("name", "Firm Access", "providerId", "Firm Access", "providerType", TAB_TYPE,
                "parentId", realmId, "config", config);
    }
}
