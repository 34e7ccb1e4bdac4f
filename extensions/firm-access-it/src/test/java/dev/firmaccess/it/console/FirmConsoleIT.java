package dev.firmaccess.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.it.console.ConsolePages.AccessPage;
import dev.firmaccess.it.console.ConsolePages.BusinessesPage;
import dev.firmaccess.it.console.ConsolePages.Console;
import dev.firmaccess.it.console.ConsolePages.MyBusinessesPage;
import dev.firmaccess.it.console.ConsolePages.StaffPage;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.WithSharedServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

@WithSharedServer
class FirmConsoleIT extends ConsoleFirmTest {

    private static final String HTML_NAME = "<b>Bold</b> & <script>alert(1)</script> Co";

    private TestRealm realm;
    private String consoleUrl;
    private String maxId;

    FirmConsoleIT() {
        super("console", "Ledger & Co", "ledger", "max");
    }

    @BeforeAll
    void setUp() {
        realm = firm.realm();
        consoleUrl = firm.consoleUrl();
        maxId = firm.userId("max");
        for (String name : new String[] {"Alpha GmbH", "Beta AG", "Gamma KG", HTML_NAME}) {
            firm.createBusiness(name);
        }
    }

    @Test
    void anOwnerSharesTwoBusinessesAndTheMemberSeesExactlyThose() {
        signIn("olivia");
        Console console = new Console(browser.driver());
        assertThat(console.title()).isEqualTo("Staff");

        AccessPage access = new StaffPage(browser.driver()).manageAccessOf("max");
        access.toggle("Alpha GmbH");
        access.toggle("Beta AG");
        access.save();
        assertThat(access.levelOf("Alpha GmbH")).startsWith("full");
        assertThat(access.levelOf("Gamma KG")).isEqualTo("No access");
        access.closeSaved();
        console.signOut();

        signIn("max");
        assertThat(console.title()).isEqualTo("My businesses");
        assertThat(new MyBusinessesPage(browser.driver()).names()).containsExactlyInAnyOrder("Alpha GmbH", "Beta AG");
    }

    @Test
    void aMemberOpeningAnOwnerPageGetsThe403Page() {
        signIn("max");
        browser.driver().get(consoleUrl + "firms/ledger/staff");

        Console console = new Console(browser.driver());
        assertThat(console.showsError()).isTrue();
        assertThat(console.title()).isEqualTo("Not allowed");
        assertThat(browser.driver().getPageSource()).doesNotContain("Exception");
        browser.screenshot("forbidden");
    }

    @Test
    void aBusinessNameWithHtmlShowsAsText() {
        signIn("olivia");
        browser.driver().get(consoleUrl + "firms/ledger/businesses");

        BusinessesPage businesses = new BusinessesPage(browser.driver());
        assertThat(businesses.nameCell(HTML_NAME).findElements(By.tagName("b"))).isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#business-table script"))).isEmpty();
        browser.screenshot("businesses");
    }

    @Test
    void aFormPostedWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        signIn("olivia");
        ((JavascriptExecutor) browser.driver()).executeScript(
                "var f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];"
                        + "var i = document.createElement('input'); i.name = 'enabled'; i.value = 'false';"
                        + "f.appendChild(i); document.body.appendChild(f); f.submit();",
                consoleUrl + "firms/ledger/staff/" + maxId + "/programmatic-access");

        Console console = new Console(browser.driver());
        assertThat(console.title()).isEqualTo("Not allowed");
        HttpJson.Reply max = http.get(firm.api() + "/staff/" + maxId, realm.accessToken("olivia"));
        assertThat(max.json().get("programmaticAccess").asBoolean()).isTrue();
    }

    @Test
    void aRefusalIsShownInTheLanguageOfTheUserAndChangesNothing() {
        String firmId = realm.createFirm("Grün & Partner", "gruen");
        String gretaId = realm.createUser("greta");
        realm.addMember(firmId, gretaId);
        String gruenStaff = "/admin/realms/" + realm.name() + "/firm-access/firms/gruen/staff/" + gretaId;
        assertThat(http.put(gruenStaff + "/role", realm.adminToken(), Map.of("role", "owner")).status()).isEqualTo(200);
        realm.speaks(gretaId, "de");

        signIn("greta");
        browser.driver().get(consoleUrl + "firms/gruen/staff");
        new StaffPage(browser.driver()).changeRole("greta", "member");

        Console console = new Console(browser.driver());
        assertThat(console.showsError()).isTrue();
        assertThat(console.title()).isEqualTo("Konflikt");
        WebElement refusal = browser.driver().findElement(By.id("error-description"));
        assertThat(refusal.getAttribute("data-code")).isEqualTo("last_owner");
        assertThat(refusal.getText()).isEqualTo("Der letzte Inhaber der Kanzlei kann weder herabgestuft noch entfernt"
                + " werden; ernennen Sie zuerst einen weiteren Inhaber.");
        assertThat(http.get(gruenStaff, realm.adminToken()).json().get("role").asText()).isEqualTo("owner");
    }

    private void signIn(String username) {
        ConsolePages.signIn(browser.driver(), consoleUrl, username, TestRealm.PASSWORD);
    }
}
