package dev.firmaccess.it.console;

import static dev.firmaccess.it.support.Replies.assertStatus;
import static dev.firmaccess.it.support.Replies.texts;
import static dev.firmaccess.it.support.Replies.totalCount;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.it.portal.PortalBrowser;
import dev.firmaccess.it.support.Client;
import dev.firmaccess.it.support.Firm;
import dev.firmaccess.it.support.FirmSetup;
import dev.firmaccess.it.support.Person;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.WithSharedServer;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The "Firm Access" tab on an organization's page of Keycloak's admin console, and the firm
 * console's page of the realm's firms it links to: realm administrators see each firm's figures
 * there and open the firm; nobody else sees anything of any firm.
 */
@Tag("browser")
@WithSharedServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganizationTabIT {

    private String baseUrl;
    private FirmSetup setup;
    private Firm firm;
    private Person owner;
    private Person rita;

    @BeforeAll
    void setUp(TestEnvironment env) {
        baseUrl = env.server().baseUrl();
        setup = FirmSetup.create(env, "org-tab");
        setup.newFirm("Quiet Partners");
        firm = setup.newFirm("Harbor Accountants");
        owner = setup.staff(firm, "olga", "owner");
        setup.staff(firm, "adam", "admin");
        setup.colleague(firm, "member");
        setup.colleague(firm, "member");
        setup.business(firm, "Dockside Bakery");
        setup.business(firm, "Pier Florist");
        setup.archivedBusiness(firm, "Closed Kiosk");
        setup.invitation(firm, "ivy-org-tab@example.test");
        rita = setup.realmManagementUser("rita", "realm-admin");
    }

    @Test
    void aRealmAdministratorFollowsTheOrganizationsTabToTheFirmsFiguresAndOpensTheFirm() {
        String realm = setup.realm().name();
        try (Browser browser = new Browser()) {
            WebDriver driver = browser.driver();
            driver.get(baseUrl + "/admin/" + realm + "/console/#/" + realm + "/organizations/" + firm.id()
                    + "/settings");
            new ConsolePages.LoginPage(driver).signIn(rita.username(), TestRealm.PASSWORD);
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//*[@role='tab'][normalize-space(.)='Firm Access (firm)']"))).click();
            WebElement page = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[name='config.firmsPage']")));
            assertThat(page.getAttribute("value")).isEqualTo("/realms/" + realm + "/firm-access/console/firms");
            browser.screenshot("admin-organization-tab");

            // Opened in another browser tab, the page signs rita in through the realm's single sign-on.
            driver.get(baseUrl + page.getAttribute("value"));
            ConsolePages.awaitConsole(driver);
            assertThat(new ConsolePages.Console(driver).title()).isEqualTo("Firms of this realm");
            WebElement row = driver.findElement(By.cssSelector(firmRow()));
            assertThat(count(row, "owners")).isEqualTo(roleCount("owner"));
            assertThat(count(row, "admins")).isEqualTo(roleCount("admin"));
            assertThat(count(row, "members")).isEqualTo(roleCount("member"));
            assertThat(List.of(count(row, "owners"), count(row, "admins"), count(row, "members")))
                    .containsExactly(1L, 1L, 2L);
            assertThat(count(row, "businesses"))
                    .isEqualTo(totalCount(assertStatus(admin().get("/businesses"), 200))).isEqualTo(2);
            assertThat(count(row, "pendingInvitations"))
                    .isEqualTo(totalCount(assertStatus(admin().get("/invitations?status=pending"), 200))).isEqualTo(1);
            assertThat(driver.findElements(By.cssSelector("#realm-firm-table th")).stream().map(WebElement::getText))
                    .contains("Owner · PartnerAdmin", "Admin · PartnerAdmin", "Member · PartnerUser");
            Accessibility.assertNoSeriousViolations(driver);
            browser.screenshot("realm-firms");

            ConsolePages.submit(driver, driver.findElement(By.cssSelector(firmRow() + " a")));

            assertThat(driver.getCurrentUrl()).endsWith("/firm-access/console/firms/" + firm.alias() + "/staff");
            assertThat(driver.findElement(By.className("fa-subtitle")).getText())
                    .isEqualTo(firm.name() + " · Realm administrator");
        }
    }

    @Test
    void theSearchNarrowsTheListToTheFirmsThatMatch() {
        try (Browser browser = new Browser()) {
            WebDriver driver = browser.driver();
            ConsolePages.signIn(driver, consoleUrl() + "/firms?search=harbor", rita.username(), TestRealm.PASSWORD);

            assertThat(driver.findElements(By.cssSelector("#realm-firm-table tr[data-firm]")).stream()
                    .map(row -> row.getAttribute("data-firm"))).containsExactly(firm.alias());
            assertThat(driver.findElement(By.id("search")).getAttribute("value")).isEqualTo("harbor");
        }
    }

    @Test
    void aFirmOwnerWithoutRealmRightsGetsTheForbiddenPageAndNothingOfAnyFirm() {
        PortalBrowser browser = new PortalBrowser();
        assertThat(browser.signInToConsole(consoleUrl() + "/", owner.username(), TestRealm.PASSWORD).status())
                .isEqualTo(200);

        PortalBrowser.Answer refused = browser.open(consoleUrl() + "/firms");

        assertThat(refused.status()).as("%s", refused).isEqualTo(403);
        assertThat(refused.html().getElementById("error-page")).isNotNull();
        assertThat(refused.body()).doesNotContain("Harbor Accountants", "Quiet Partners", firm.alias());
    }

    private String firmRow() {
        return "#realm-firm-table tr[data-firm='" + firm.alias() + "']";
    }

    private String consoleUrl() {
        return baseUrl + "/realms/" + setup.realm().name() + "/firm-access/console";
    }

    private Client admin() {
        return setup.asRealmAdmin(firm);
    }

    private long roleCount(String role) {
        return Collections.frequency(texts(assertStatus(admin().get("/staff?max=100"), 200), "role"), role);
    }

    private static long count(WebElement row, String figure) {
        return Long.parseLong(row.findElement(By.cssSelector("[data-count='" + figure + "']")).getText());
    }
}
