package dev.firmaccess.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.WithSharedServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff × business matrix as an owner uses it: a cell saved as it changes (and, without
 * scripts, by the page's Save), a column assigned to every business, rows and columns paged, and
 * the firm API agreeing with what the page shows.
 */
@Tag("browser")
@WithSharedServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    private static final int BUSINESSES = 23;
    private static final int EXTRA_STAFF = 8;

    private HttpJson http;
    private TestRealm realm;
    private String consoleUrl;
    private String api;
    private String ownerToken;
    private String max;
    private final Map<String, String> businessIds = new HashMap<>();
    private final Set<String> staffNames = new TreeSet<>();
    private final Map<String, String> staffIds = new HashMap<>();

    @BeforeAll
    void setUp(TestEnvironment env) {
        http = env.http();
        realm = env.newRealm("matrix");
        consoleUrl = env.server().baseUrl() + "/realms/" + realm.name() + "/firm-access/console/";
        api = "/realms/" + realm.name() + "/firm-access/api/v1/firms/grid";
        String firmId = realm.createFirm("Grid & Partners", "grid");
        String olivia = realm.createUser("olivia");
        realm.addMember(firmId, olivia);
        max = realm.createUser("max");
        realm.addMember(firmId, max);
        staffNames.addAll(List.of("olivia", "max"));
        for (int i = 1; i <= EXTRA_STAFF; i++) {
            String name = "staff" + i;
            staffIds.put(name, realm.createUser(name));
            realm.addMember(firmId, staffIds.get(name));
            staffNames.add(name);
        }
        ok(http.put("/admin/realms/" + realm.name() + "/firm-access/firms/grid/staff/" + olivia + "/role",
                realm.adminToken(), Map.of("role", "owner")));
        ok(http.put("/admin/realms/" + realm.name() + "/firm-access/settings", realm.adminToken(),
                Map.of("accessLevels", List.of("full", "read-only"))));
        ownerToken = realm.accessToken("olivia");
        for (int i = 1; i <= BUSINESSES; i++) {
            String name = String.format("Client %02d", i);
            businessIds.put(name, ok(http.post(api + "/businesses", ownerToken, Map.of("name", name))).json()
                    .get("id").asText());
        }
    }

    @Test
    void aCellIsSavedAsItChangesWithoutReloadingAndTheApiAgrees() {
        try (Browser browser = new Browser()) {
            WebDriver driver = openMatrix(browser);
            showColumn(driver, "max");
            ((JavascriptExecutor) driver).executeScript("window.matrixPageStillOpen = true;");

            choose(driver, "Client 02", "max", "read-only");
            awaitSaved(driver, "Client 02");
            assertThat(grantOf("Client 02", max)).isEqualTo("read-only");
            assertThat(((JavascriptExecutor) driver).executeScript("return window.matrixPageStillOpen === true;"))
                    .as("the same page, not a reloaded one").isEqualTo(true);

            choose(driver, "Client 02", "max", "");
            awaitSaved(driver, "Client 02");
            assertThat(grantOf("Client 02", max)).isNull();

            choose(driver, "Client 03", "max", "full");
            awaitSaved(driver, "Client 03");
            driver.navigate().refresh();
            ConsolePages.awaitConsole(driver);
            assertThat(cell(driver, "Client 03", "max").getAttribute("data-level")).isEqualTo("full");
            assertThat(cell(driver, "Client 02", "max").getAttribute("data-level")).isEmpty();
            showColumn(driver, "olivia");
            assertThat(cell(driver, "Client 01", "olivia").getText()).isEqualTo("All, by role");
            assertNoSeriousAccessibilityViolations(driver);
            browser.screenshot("access-matrix");
        }
    }

    @Test
    void aRefusedCellIsShownAsBeforeAndNothingChanges() {
        try (Browser browser = new Browser()) {
            WebDriver driver = openMatrix(browser);
            showColumn(driver, "max");
            WebElement select = cell(driver, "Client 04", "max").findElement(By.tagName("select"));
            // A level the realm does not define, as a stale page or a forged request would send it.
            ((JavascriptExecutor) driver).executeScript("var option = document.createElement('option');"
                    + "option.value = 'owner-of-everything'; option.text = 'forged'; arguments[0].add(option);", select);
            new Select(select).selectByValue("owner-of-everything");

            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("matrix-status")).getText()
                    .startsWith("Not saved"));
            assertThat(new Select(select).getFirstSelectedOption().getAttribute("value")).isEmpty();
            assertThat(grantOf("Client 04", max)).isNull();
        }
    }

    @Test
    void withoutScriptsTheSaveButtonAppliesTheChangedCellsAtOnce() {
        try (Browser browser = new Browser()) {
            WebDriver driver = browser.driver();
            ConsolePages.signIn(driver, consoleUrl, "olivia", TestRealm.PASSWORD);
            ((ChromeDriver) driver).executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
            driver.get(consoleUrl + "firms/grid/matrix");
            ConsolePages.awaitConsole(driver);
            showColumn(driver, "max");

            new Select(cell(driver, "Client 05", "max").findElement(By.tagName("select"))).selectByValue("read-only");
            new Select(cell(driver, "Client 06", "max").findElement(By.tagName("select"))).selectByValue("full");
            assertThat(grantOf("Client 05", max)).as("nothing saved before Save").isNull();
            // No script runs here, so the next page is told by its address: the post redirects to the same view.
            driver.findElement(By.id("matrix-save")).click();
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("matrix?"));

            assertThat(grantOf("Client 05", max)).isEqualTo("read-only");
            assertThat(grantOf("Client 06", max)).isEqualTo("full");
            assertThat(cell(driver, "Client 05", "max").getAttribute("data-level")).isEqualTo("read-only");
        }
    }

    @Test
    void assignToAllAsksForTheLevelThenGivesItOnEveryBusiness() {
        try (Browser browser = new Browser()) {
            String staff1 = staffIds.get("staff1");
            WebDriver driver = openMatrix(browser);
            showColumn(driver, "staff1");
            WebElement column = driver.findElement(By.cssSelector("#matrix th[data-column='staff1']"));
            column.findElement(By.cssSelector("details summary")).click();
            new Select(column.findElement(By.tagName("select"))).selectByValue("read-only");
            ConsolePages.submit(driver, column.findElement(By.cssSelector("button[type='submit']")));

            JsonNode access = ok(http.get(api + "/staff/" + staff1 + "/access?max=100", ownerToken)).json();
            assertThat(access.get("businesses")).hasSize(BUSINESSES)
                    .allSatisfy(business -> assertThat(business.get("level").asText()).isEqualTo("read-only"));
            assertThat(cell(driver, "Client 01", "staff1").getAttribute("data-level")).isEqualTo("read-only");
        }
    }

    @Test
    void rowsAndColumnsArePagedAndSearched() {
        try (Browser browser = new Browser()) {
            WebDriver driver = openMatrix(browser);
            assertThat(businessesShown(driver)).hasSize(20).startsWith("Client 01");
            Set<String> columns = new TreeSet<>(columnsShown(driver));
            ConsolePages.submit(driver, driver.findElement(By.id("columns-next")));
            assertThat(columnsShown(driver)).doesNotContainAnyElementsOf(columns);
            columns.addAll(columnsShown(driver));
            assertThat(columns).isEqualTo(staffNames);

            ConsolePages.submit(driver, driver.findElement(By.id("pager-next")));
            assertThat(businessesShown(driver)).containsExactly("Client 21", "Client 22", "Client 23");
            assertThat(driver.getCurrentUrl()).contains("columnFirst=8");

            WebElement search = driver.findElement(By.id("search"));
            search.sendKeys("Client 1");
            ConsolePages.submit(driver, driver.findElement(By.id("matrix-search")));
            assertThat(businessesShown(driver)).hasSize(10).allMatch(name -> name.startsWith("Client 1"));
        }
    }

    @Test
    void aMemberSeesNoMatrix() {
        try (Browser browser = new Browser()) {
            WebDriver driver = browser.driver();
            ConsolePages.signIn(driver, consoleUrl, "max", TestRealm.PASSWORD);
            driver.get(consoleUrl + "firms/grid/matrix");
            assertThat(driver.findElements(By.id("matrix"))).isEmpty();
            assertThat(driver.findElements(By.id("nav-matrix"))).isEmpty();
        }
    }

    private WebDriver openMatrix(Browser browser) {
        WebDriver driver = browser.driver();
        ConsolePages.signIn(driver, consoleUrl, "olivia", TestRealm.PASSWORD);
        driver.get(consoleUrl + "firms/grid/matrix");
        ConsolePages.awaitConsole(driver);
        return driver;
    }

    /** Pages through the columns until the named one shows; the order of the firm's staff is Keycloak's. */
    private static void showColumn(WebDriver driver, String column) {
        while (columnsShown(driver).stream().noneMatch(column::equals)) {
            assertThat(driver.findElements(By.id("columns-next"))).as("a column of " + column).isNotEmpty();
            ConsolePages.submit(driver, driver.findElement(By.id("columns-next")));
        }
    }

    private static WebElement cell(WebDriver driver, String business, String column) {
        return driver.findElement(By.cssSelector("#matrix tr[data-business='" + business + "'] td[data-column='"
                + column + "']"));
    }

    private static void choose(WebDriver driver, String business, String column, String level) {
        ((JavascriptExecutor) driver).executeScript("document.getElementById('matrix-status').textContent = '';");
        new Select(cell(driver, business, column).findElement(By.tagName("select"))).selectByValue(level);
    }

    /** The page says so once the server has answered. */
    private static void awaitSaved(WebDriver driver, String business) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("matrix-status")).getText()
                .startsWith("Saved") && d.findElement(By.id("matrix-status")).getText().contains(business));
    }

    private static List<String> businessesShown(WebDriver driver) {
        return driver.findElements(By.cssSelector("#matrix tbody tr")).stream()
                .map(row -> row.getAttribute("data-business")).toList();
    }

    private static List<String> columnsShown(WebDriver driver) {
        return driver.findElements(By.cssSelector("#matrix thead th[data-column]")).stream()
                .map(column -> column.getAttribute("data-column")).toList();
    }

    /** The level of the user's direct grant on the business, as the firm API reports it; null for none. */
    private String grantOf(String business, String userId) {
        JsonNode grants = ok(http.get(api + "/businesses/" + businessIds.get(business) + "/grants", ownerToken)).json();
        for (JsonNode grant : grants) {
            if ("user".equals(grant.get("subjectType").asText()) && userId.equals(grant.get("subjectId").asText())) {
                return grant.get("level").asText();
            }
        }
        return null;
    }

    private static void assertNoSeriousAccessibilityViolations(WebDriver driver) {
        Results results = new AxeBuilder().analyze(driver);
        List<String> serious = new ArrayList<>();
        for (Rule violation : results.getViolations()) {
            if ("serious".equals(violation.getImpact()) || "critical".equals(violation.getImpact())) {
                serious.add(violation.getId() + ": " + violation.getHelp());
            }
        }
        assertThat(serious).as("serious or critical axe-core violations").isEmpty();
    }

    private static HttpJson.Reply ok(HttpJson.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isBetween(200, 299);
        return reply;
    }
}
