package dev.firmaccess.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.it.support.OwnRealmTest;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.WithSharedServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The realm-wide settings as realm administrators edit them in Keycloak's admin console: the
 * server offers the tab, the admin console shows it on Realm settings, and saving it is the
 * component call the admin console makes.
 */
@Tag("browser")
@WithSharedServer
class AdminSettingsTabIT extends OwnRealmTest {

    private static final String TAB_TYPE = "org.keycloak.services.ui.extend.UiTabProvider";
    /** The settings tab's component among the realm's tab components (the organization tab has one too). */
    private static final String SETTINGS_TAB = "?type=" + TAB_TYPE + "&name=Firm%20Access";

    private String settingsPath;
    private String componentsPath;
    private String realmId;
    private String baseUrl;

    AdminSettingsTabIT() {
        super("settings-tab");
    }

    @BeforeAll
    void setUp() {
        baseUrl = env.server().baseUrl();
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
        assertThat(tab.path("metadata").path("path").asText()).isEqualTo("/:realm/realm-settings/:tab?");
        assertThat(tab.path("metadata").path("params").path("tab").asText()).isEqualTo("firm-access");
        assertThat(tab.path("properties").findValuesAsText("name")).contains("roleLabelOwner", "accessLevels",
                "resendCooldownMinutes", "membersMayCreateBusinesses");
    }

    @Test
    void savingTheTabChangesTheSettingsAndABadValueChangesNothing() {
        // A realm created with Firm Access on has its tab's settings already; saving the tab updates them.
        String tabPath = componentsPath + "/"
                + http.get(componentsPath + SETTINGS_TAB, realm.adminToken()).json().get(0).get("id").asText();
        HttpJson.Reply bad = http.put(tabPath, realm.adminToken(), tab(Map.of(
                "accessLevels", List.of("read", "full"), "resendCooldownMinutes", List.of("25"))));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(http.get(settingsPath, realm.adminToken()).json().path("resendCooldownMinutes").asInt()).isEqualTo(10);

        HttpJson.Reply saved = http.put(tabPath, realm.adminToken(), tab(Map.of(
                "roleLabelOwner", List.of("Partner"), "roleLabelAdmin", List.of("Manager"),
                "roleLabelMember", List.of("Associate"), "accessLevels", List.of("full", "read"),
                "resendCooldownMinutes", List.of("25"), "membersMayCreateBusinesses", List.of("false"))));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(204);

        JsonNode settings = http.get(settingsPath, realm.adminToken()).json();
        assertThat(settings.path("roleLabels").path("owner").asText()).isEqualTo("Partner");
        assertThat(settings.path("accessLevels").toString()).isEqualTo("[\"full\",\"read\"]");
        assertThat(settings.path("resendCooldownMinutes").asInt()).isEqualTo(25);
        assertThat(settings.path("membersMayCreateBusinesses").asBoolean()).isFalse();

        HttpJson.Reply viaApi = http.put(settingsPath, realm.adminToken(), Map.of("claimBusinessCap", 42));
        assertThat(viaApi.status()).as(viaApi.toString()).isEqualTo(200);
        JsonNode component = http.get(componentsPath + SETTINGS_TAB, realm.adminToken()).json().get(0);
        assertThat(component.path("config").path("claimBusinessCap").get(0).asText()).isEqualTo("42");

    }

    @Test
    void aRealmAdministratorChangesASettingInTheAdminConsoleTab() {
        TestRealm other = realmWithAdministrator("settings-ui");
        String settings = "/admin/realms/" + other.name() + "/firm-access/settings";
        try (Browser browser = new Browser()) {
            WebDriver driver = browser.driver();
            // The bare Realm settings address, as the admin console's navigation opens it.
            driver.get(baseUrl + "/admin/" + other.name() + "/console/#/" + other.name() + "/realm-settings");
            new ConsolePages.LoginPage(driver).signIn("rita", TestRealm.PASSWORD);
            ConsolePages.AdminSettingsTab tab = new ConsolePages.AdminSettingsTab(driver);
            tab.open();
            assertThat(tab.value("resendCooldownMinutes")).isEqualTo("10");

            tab.change("resendCooldownMinutes", "45");
            tab.change("roleLabelAdmin", "Manager");
            tab.save();
            awaitSetting(settings, other, "resendCooldownMinutes", "45");
            assertThat(http.get(settings, other.adminToken()).json().path("roleLabels").path("admin").asText())
                    .isEqualTo("Manager");
            // Once the realm has its settings, the tab shows the realm's own firm console: the README's screenshot.
            driver.navigate().refresh();
            tab.open();
            assertThat(tab.value("firmConsole")).isEqualTo("/realms/" + other.name() + "/firm-access/console/");
            browser.screenshot("admin-settings-tab");

            tab.change("resendCooldownMinutes", "5000");
            tab.save();
            assertThat(tab.errorAlert()).contains("1440");
            assertThat(http.get(settings, other.adminToken()).json().path("resendCooldownMinutes").asInt()).isEqualTo(45);
        }
    }

    @Test
    void aRealmAdministratorJumpsFromTheAdminConsoleToAnyFirmsConsole() {
        TestRealm other = realmWithAdministrator("firm-jump");
        other.createFirm("Acme Advisors", "acme");
        other.createFirm("Zeta & Sons", "zeta");
        // Any settings change through the API, like a save in the tab, puts the console's client in place.
        HttpJson.Reply changed = http.put("/admin/realms/" + other.name() + "/firm-access/settings", other.adminToken(),
                Map.of("claimBusinessCap", 50));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        try (Browser browser = new Browser()) {
            WebDriver driver = browser.driver();
            driver.get(baseUrl + "/admin/" + other.name() + "/console/#/" + other.name() + "/clients");
            new ConsolePages.LoginPage(driver).signIn("rita", TestRealm.PASSWORD);
            String consoleLink = new WebDriverWait(driver, Duration.ofSeconds(60))
                    .until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("a[href$='/realms/" + other.name() + "/firm-access/console/']")))
                    .getAttribute("href");

            // The console link opens in a new browser tab; the realm's single sign-on signs rita in there.
            driver.get(consoleLink);
            new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("firm-list")));
            assertThat(driver.findElements(By.cssSelector("#firm-list a")).stream().map(WebElement::getText))
                    .containsExactly("Acme Advisors", "Zeta & Sons");
            ConsolePages.submit(driver, driver.findElement(By.linkText("Zeta & Sons")));

            ConsolePages.Console console = new ConsolePages.Console(driver);
            assertThat(console.title()).isEqualTo("Staff");
            assertThat(driver.getCurrentUrl()).endsWith("/firm-access/console/firms/zeta/staff");
            assertThat(driver.findElement(By.className("fa-subtitle")).getText())
                    .isEqualTo("Zeta & Sons · Realm administrator");
            assertThat(driver.findElements(By.id("nav-mine"))).as("no businesses of their own").isEmpty();
            browser.screenshot("realm-admin-firm");
        }
    }

    /** A realm with a user "rita" who administers it through realm-management's realm-admin role. */
    private TestRealm realmWithAdministrator(String prefix) {
        TestRealm other = env.newRealm(prefix);
        String rita = other.createUser("rita");
        ClientRepresentation management = other.admin().clients().findByClientId("realm-management").get(0);
        RoleRepresentation realmAdmin = other.admin().clients().get(management.getId()).roles().get("realm-admin")
                .toRepresentation();
        other.admin().users().get(rita).roles().clientLevel(management.getId()).add(List.of(realmAdmin));
        return other;
    }

    private void awaitSetting(String settings, TestRealm other, String name, String expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String actual = null;
        while (System.nanoTime() < deadline) {
            actual = http.get(settings, other.adminToken()).json().path(name).asText();
            if (expected.equals(actual)) {
                return;
            }
            sleep();
        }
        assertThat(actual).as(name).isEqualTo(expected);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> tab(Map<String, List<String>> config) {
        return Map.of("name", "Firm Access", "providerId", "Firm Access", "providerType", TAB_TYPE,
                "parentId", realmId, "config", config);
    }
}
