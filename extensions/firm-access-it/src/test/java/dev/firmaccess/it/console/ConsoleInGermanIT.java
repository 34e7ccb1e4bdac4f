package dev.firmaccess.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.it.console.ConsolePages.AccessPage;
import dev.firmaccess.it.console.ConsolePages.Console;
import dev.firmaccess.it.console.ConsolePages.InvitationsPage;
import dev.firmaccess.it.console.ConsolePages.Modal;
import dev.firmaccess.it.console.ConsolePages.StaffPage;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.WithSharedServer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The console's main flow in a browser that asks for German: invite, accept, share, change the role. */
@WithSharedServer
class ConsoleInGermanIT extends ConsoleFirmTest {

    private static final String INVITEE = "neu.kollegin@example.com";

    ConsoleInGermanIT() {
        super("console-de", "Kanzlei Berg", "berg");
    }

    @BeforeAll
    void setUp() {
        // Keycloak answers in German only in a realm that offers more than one language.
        RealmRepresentation languages = firm.realm().admin().toRepresentation();
        languages.setInternationalizationEnabled(true);
        languages.setSupportedLocales(Set.of("en", "de"));
        languages.setDefaultLocale("en");
        firm.realm().admin().update(languages);
        for (String name : List.of("Bäckerei Kurz", "Metzgerei Lang")) {
            firm.createBusiness(name);
        }
    }

    @Override
    protected String language() {
        return "de";
    }

    @Test
    void anOwnerInvitesSomeoneWhoJoinsGetsABusinessAndBecomesAdmin() {
        WebDriver driver = browser.driver();
        Console console = new Console(driver);
        ConsolePages.signIn(driver, firm.consoleUrl(), "olivia", TestRealm.PASSWORD);
        assertThat(console.title()).isEqualTo("Mitarbeitende");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");

        console.open("invitations");
        InvitationsPage invitations = new InvitationsPage(driver);
        invitations.invite(INVITEE, "member");
        assertThat(console.title()).isEqualTo("Einladungen");
        // the mail leaves after the invitation is stored; the page shows it sent once it has
        ConsolePages.reloadUntil(driver, () -> invitations.delivery(INVITEE), "Gesendet");
        assertThat(invitations.row(INVITEE).getText()).contains("Mitglied · PartnerUser");
        String link = invitations.copyLink(INVITEE);
        console.signOut();

        driver.get(link);
        assertThat(driver.findElement(By.id("firm-access-invitation")).getAttribute("data-page")).isEqualTo("register");
        new ConsolePages.RegisterPage(driver).register("Nele", "Neu", "S3cret-pass!");
        driver.manage().deleteAllCookies();
        ConsolePages.signIn(driver, firm.consoleUrl(), INVITEE, "S3cret-pass!");
        assertThat(console.title()).isEqualTo("Meine Mandanten");
        assertThat(driver.findElement(By.id("no-businesses")).getText())
                .isEqualTo("Noch ist kein Mandant mit Ihnen geteilt.");
        console.signOut();

        ConsolePages.signIn(driver, firm.consoleUrl(), "olivia", TestRealm.PASSWORD);
        StaffPage staff = new StaffPage(driver);
        AccessPage access = staff.manageAccessOf(INVITEE);
        assertThat(access.title()).isEqualTo("Zugriff von " + INVITEE);
        access.toggle("Bäckerei Kurz");
        access.save();
        assertThat(driver.findElement(By.id("access-saved")).getText()).isEqualTo("Zugriff gespeichert.");
        assertThat(access.ticked("Bäckerei Kurz")).isTrue();
        assertThat(access.levelOf("Metzgerei Lang")).isEqualTo("Kein Zugriff");
        browser.screenshot("manage-access-de");

        access.closeSaved();
        assertThat(staff.reach(INVITEE)).isEqualTo("1");
        staff.changeRole(INVITEE, "admin");
        assertThat(staff.role(INVITEE)).isEqualTo("Administrator · PartnerAdmin");
        assertThat(staff.reach(INVITEE)).isEqualTo("Alle Mandanten");
        assertThat(staff.offersManageAccess(INVITEE)).isFalse();
        browser.screenshot("staff-de");
        HttpJson.Reply invitee = http.get(firm.api() + "/staff?search=" + INVITEE, firm.ownerToken());
        assertThat(invitee.json().get(0).get("role").asText()).as(invitee.toString()).isEqualTo("admin");
    }

    @Test
    void thePagesAddedLastSpeakGermanAndShowTheServersRefusalInGerman() {
        String invitee = "spaeter.vielleicht@example.com";
        String guest = "gast.kurz@example.com";
        String bakery = firm.createBusiness("Konditorei Süß");
        HttpJson.Reply invited = http.post(firm.api() + "/invitations", firm.ownerToken(), Map.of(
                "invitees", List.of(Map.of("email", invitee)), "role", "member"));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        HttpJson.Reply guestInvited = http.post(firm.api() + "/portal/invitations", firm.ownerToken(), Map.of(
                "businessId", bakery, "role", "guest", "invitees", List.of(Map.of("email", guest))));
        assertThat(guestInvited.status()).as(guestInvited.toString()).isEqualTo(201);
        WebDriver driver = browser.driver();
        Console console = new Console(driver);
        Modal modal = new Modal(driver);
        ConsolePages.signIn(driver, firm.consoleUrl(), "olivia", TestRealm.PASSWORD);

        assertThat(driver.findElement(By.id("pending-invitations-heading")).getText()).isEqualTo("Offene Einladungen");
        new InvitationsPage(driver).row(invitee).findElement(By.cssSelector("details.fa-confirm summary")).click();
        assertThat(modal.title()).isEqualTo("Einladung von " + invitee + " zurückziehen?");
        assertThat(driver.findElement(By.id("fa-modal-cancel")).getText()).isEqualTo("Abbrechen");
        assertThat(driver.findElement(By.id("fa-modal-close")).getAttribute("aria-label")).isEqualTo("Schließen");
        modal.escape();

        console.open("matrix");
        assertThat(console.title()).isEqualTo("Zugriffsmatrix");
        Accessibility.assertNoSeriousViolations(driver);

        console.open("levels");
        assertThat(console.title()).isEqualTo("Zugriffsstufen");
        browser.screenshot("levels-de");
        driver.findElement(By.id("level-name")).sendKeys("full");
        ConsolePages.submit(driver, driver.findElement(By.id("create-level-button")));
        assertThat(driver.findElement(By.id("error-description")).getText())
                .isEqualTo("Eine Zugriffsstufe dieses Namens gibt es schon.");

        driver.get(firm.firmUrl() + "portal");
        Map<String, String> outcomes = ConsolePages.runPortalBulk(driver, "resend", guest);
        assertThat(outcomes.get(guest))
                .matches("cooldown: " + guest + ": nicht gesendet, erst kürzlich gesendet; erneut möglich in \\d+ Sekunden");
        assertThat(driver.findElement(By.id("bulk-done-title")).getText())
                .isEqualTo("Erledigt für die ausgewählten Portalnutzer");
        Accessibility.assertNoSeriousViolations(driver);
    }
}
