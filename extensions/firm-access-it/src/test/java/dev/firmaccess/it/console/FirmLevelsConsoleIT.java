package dev.firmaccess.it.console;

import static dev.firmaccess.it.support.Replies.assertStatus;
import static dev.firmaccess.it.support.Replies.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.it.support.Firm;
import dev.firmaccess.it.support.FirmSetup;
import dev.firmaccess.it.support.Person;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.WithSharedServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/** An owner adds an access level of the firm's own on the console's levels page and shares a business at it. */
@Tag("browser")
@WithSharedServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirmLevelsConsoleIT extends OneBrowserPerTest {

    private FirmSetup setup;
    private Firm firm;
    private Person olivia;
    private String business;
    private String team;
    private String consoleUrl;

    @BeforeAll
    void setUp(TestEnvironment env) {
        setup = FirmSetup.create(env, "console-levels");
        firm = setup.newFirm("Console Levels");
        olivia = setup.staff(firm, "olivia", "owner");
        business = setup.business(firm, "Picked Ltd");
        team = setup.team(firm, "Bookkeeping");
        consoleUrl = env.server().baseUrl() + "/realms/" + setup.realm().name() + "/firm-access/console/";
    }

    @Test
    void anOwnerAddsALevelAndPicksItWhenSharingWithATeam() {
        WebDriver driver = browser.driver();
        ConsolePages.signIn(driver, consoleUrl, olivia.username(), TestRealm.PASSWORD);
        String firmUrl = consoleUrl + "firms/" + firm.alias() + "/";

        driver.get(firmUrl + "levels");
        driver.findElement(By.id("level-name")).sendKeys("bookkeeper");
        driver.findElement(By.id("level-write")).click();
        ConsolePages.submit(driver, driver.findElement(By.id("create-level-button")));
        assertThat(driver.findElement(By.cssSelector("#level-table tr[data-level='bookkeeper']")).getText())
                .contains("Read and write", "This firm");
        browser.screenshot("access-levels");

        driver.get(firmUrl + "teams/" + team);
        Select level = new Select(driver.findElement(By.id("share-level")));
        assertThat(level.getOptions()).extracting(option -> option.getAttribute("value")).endsWith("bookkeeper");
        new Select(driver.findElement(By.id("share-business"))).selectByValue(business);
        level.selectByValue("bookkeeper");
        ConsolePages.submit(driver, driver.findElement(By.cssSelector("#share-with-team button[type=submit]")));

        assertThat(texts(assertStatus(setup.as(olivia, firm).get("/businesses/" + business + "/grants"), 200), "level"))
                .containsExactly("bookkeeper");
    }
}
