package dev.firmaccess.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.it.console.ConsolePages.AuditPage;
import dev.firmaccess.it.console.ConsolePages.BusinessesPage;
import dev.firmaccess.it.console.ConsolePages.Console;
import dev.firmaccess.it.console.ConsolePages.InvitationsPage;
import dev.firmaccess.it.console.ConsolePages.KeysPage;
import dev.firmaccess.it.console.ConsolePages.StaffPage;
import dev.firmaccess.it.console.ConsolePages.TeamPage;
import dev.firmaccess.it.console.ConsolePages.TeamsPage;
import dev.firmaccess.it.support.ConnectionKeys;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.MailCatcher;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.WithSharedServer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The console's invitations, teams, audit and connection-key pages, driven in a real browser. */
@WithSharedServer
class FirmConsolePagesIT extends ConsoleFirmTest {

    private static final String SCRIPTS = "console-scripts";

    private TestRealm realm;
    private String consoleUrl;
    private String firmUrl;
    private String reviewersId;

    FirmConsolePagesIT() {
        super("console-pages", "Books & Partners", "books", "max", "nina");
    }

    @BeforeAll
    void setUp() {
        realm = firm.realm();
        consoleUrl = firm.consoleUrl();
        firmUrl = firm.firmUrl();
        for (String name : new String[] {"Delta Ltd", "Echo Ltd", "Foxtrot Ltd", "Golf Ltd"}) {
            firm.createBusiness(name);
        }
        HttpJson.Reply team = http.post(firm.api() + "/teams", firm.ownerToken(), Map.of("name", "Reviewers"));
        assertThat(team.status()).as(team.toString()).isEqualTo(201);
        reviewersId = team.json().get("id").asText();

        realm.createConnectionKeyClient(SCRIPTS);
    }

    @Test
    void anOwnerInvitesSomeoneWhoGetsTheMailAndResendWaitsForTheCooldown() {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setTimezoneOverride",
                Map.of("timezoneId", "Asia/Tokyo"));
        signInAndOpen("olivia", "invitations");
        InvitationsPage invitations = new InvitationsPage(browser.driver());
        assertThat(invitations.offeredRoles()).contains("owner", "admin", "member");

        invitations.invite("new.hire@example.com, Nina, Hire", "member");

        MailCatcher.ReceivedMail invitation = mail.awaitMessageTo("new.hire@example.com", Duration.ofSeconds(30));
        assertThat(invitation.subject()).contains("Books & Partners");
        assertThat(new Console(browser.driver()).title()).isEqualTo("Invitations");
        ConsolePages.reloadUntil(browser.driver(), () -> invitations.delivery("new.hire@example.com"), "Sent");
        assertThat(invitations.resendButton("new.hire@example.com").isEnabled()).isFalse();
        assertThat(invitations.cooldown("new.hire@example.com")).startsWith("Can be resent from ");
        // The page says when in the viewer's time zone (Tokyo here), keeping the server's UTC time as the tooltip.
        WebElement opens = invitations.cooldownTime("new.hire@example.com");
        ZonedDateTime inTokyo = Instant.parse(opens.getAttribute("datetime")).atZone(ZoneId.of("Asia/Tokyo"));
        assertThat(opens.getText()).contains(inTokyo.format(DateTimeFormatter.ofPattern("h:mm", Locale.ENGLISH)))
                .doesNotContain("UTC");
        assertThat(opens.getAttribute("title")).endsWith(" UTC");
        browser.screenshot("invitations");
    }

    @Test
    void anInviteWithABadAddressIsRefusedAndInvitesNobody() {
        signInAndOpen("olivia", "invitations");

        new InvitationsPage(browser.driver()).invite("good@example.com\nnot-an-address", "member");

        assertThat(new Console(browser.driver()).title()).isEqualTo("Request refused");
        HttpJson.Reply pending = http.get(firm.api() + "/invitations"
                + "?email=good@example.com", realm.accessToken("olivia"));
        assertThat(pending.status()).as(pending.toString()).isEqualTo(200);
        assertThat(pending.json()).as(pending.toString()).isEmpty();
    }

    @Test
    void aTeamCreatedInTheConsoleShowsItsMemberAndTheAuditPageListsTheChange() {
        signInAndOpen("olivia", "teams");

        TeamPage team = new TeamsPage(browser.driver()).create("Payroll");
        team.add("max");

        assertThat(new Console(browser.driver()).title()).isEqualTo("Team Payroll");
        assertThat(team.members()).containsExactly("max");
        browser.screenshot("team");

        browser.driver().get(firmUrl + "audit");
        AuditPage audit = new AuditPage(browser.driver());
        assertThat(audit.actions()).contains("team.created", "team.member_added");
        audit.filterByAction("team.member_added");
        assertThat(audit.actions()).containsOnly("team.member_added");
        browser.screenshot("audit");
    }

    @Test
    void aMembersKeyStopsWorkingWhenAnOwnerTurnsProgrammaticAccessOff() {
        signInAndOpen("max", "keys");
        KeysPage keys = new KeysPage(browser.driver());
        String key = keys.create("Nightly export");
        assertThat(key).isNotBlank();
        assertThat(keys.names()).containsExactly("Nightly export");
        browser.screenshot("keys");
        assertThat(exchange(key).status()).isEqualTo(200);
        browser.driver().get(firmUrl + "keys");
        assertThat(browser.driver().getPageSource()).doesNotContain(key);
        new Console(browser.driver()).signOut();

        signIn("olivia");
        new StaffPage(browser.driver()).switchProgrammaticAccess("max");

        HttpJson.Reply refused = exchange(key);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void aMemberIsRefusedTheOwnerPagesAndAnUnknownTeamIsNotFound() {
        signIn("max");
        Console console = new Console(browser.driver());
        for (String page : new String[] {"invitations", "teams", "audit"}) {
            browser.driver().get(firmUrl + page);
            assertThat(console.title()).as(page).isEqualTo("Not allowed");
        }
        // The error page has no session form; the member's own page has the sign-out button.
        browser.driver().get(firmUrl + "mine");
        console.signOut();

        signInAndOpen("olivia", "teams/no-such-team");
        assertThat(console.title()).isEqualTo("Not found");
    }

    @Test
    void theCopiedInvitationLinkLetsTheInviteeJoinAndSignIn() {
        String link = ownerInvitesAndCopiesTheLink("link.joiner@example.com");
        assertThat(link).contains("/realms/" + realm.name() + "/firm-access/invitations/accept/");
        new Console(browser.driver()).signOut();

        browser.driver().get(link);
        WebDriver driver = browser.driver();
        assertThat(driver.findElement(By.id("firm-access-invitation")).getAttribute("data-page")).isEqualTo("register");
        new ConsolePages.RegisterPage(driver).register("Lina", "Joiner", "S3cret-pass!");

        driver.manage().deleteAllCookies();
        ConsolePages.signIn(driver, consoleUrl, "link.joiner@example.com", "S3cret-pass!");
        assertThat(new Console(driver).title()).isEqualTo("My businesses");
        assertThat(driver.findElement(By.className("fa-subtitle")).getText()).startsWith("Books & Partners");
    }

    @Test
    void anOwnerCancelsAnInvitationAndItsLinkStopsWorking() {
        String link = ownerInvitesAndCopiesTheLink("cancel.me@example.com");
        InvitationsPage invitations = new InvitationsPage(browser.driver());

        invitations.cancel("cancel.me@example.com");

        assertThat(new Console(browser.driver()).title()).isEqualTo("Invitations");
        assertThat(invitations.emails()).doesNotContain("cancel.me@example.com");
        HttpJson.Reply invitation = http.get(firm.api() + "/invitations?email=cancel.me@example.com",
                realm.accessToken("olivia"));
        assertThat(invitation.json().get(0).get("status").asText()).as(invitation.toString()).isEqualTo("cancelled");
        new Console(browser.driver()).signOut();
        browser.driver().get(link);
        assertThat(browser.driver().findElement(By.id("firm-access-invitation")).getAttribute("data-page"))
                .isEqualTo("problem");
    }

    @Test
    void aMemberRevokesTheirKeyAndItStopsWorking() {
        // Not max: another test turns his programmatic access off.
        signInAndOpen("nina", "keys");
        KeysPage keys = new KeysPage(browser.driver());
        String key = keys.create("Laptop script");
        assertThat(exchange(key).status()).isEqualTo(200);

        keys.revoke("Laptop script");

        assertThat(new Console(browser.driver()).title()).isEqualTo("My keys");
        assertThat(keys.names()).doesNotContain("Laptop script");
        HttpJson.Reply refused = exchange(key);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    }

    @Test
    void aTeamNamedWithCharactersOfUrlsAndSearchesIsCreatedFoundByThemOpenedRenamedAndDeleted() {
        String name = "R&D / \"Q&A\" #1 + 50%";
        String renamed = "Tax_Team 'B' & <C> #2";
        signInAndOpen("olivia", "teams");

        new TeamsPage(browser.driver()).create(name);

        assertThat(new Console(browser.driver()).title()).isEqualTo("Team " + name);
        browser.driver().get(firmUrl + "teams");
        TeamsPage teams = new TeamsPage(browser.driver());
        for (String search : List.of("&", "/", "\"Q", "#1", "+", "50%", "%")) {
            teams.search(search);
            assertThat(teams.names()).as("teams found by %s", search).containsExactly(name);
        }
        TeamPage team = teams.open(name);
        assertThat(new Console(browser.driver()).title()).isEqualTo("Team " + name);

        team.rename(renamed);
        assertThat(new Console(browser.driver()).title()).isEqualTo("Team " + renamed);
        teams = team.delete();

        assertThat(new Console(browser.driver()).title()).isEqualTo("Teams");
        teams.search("#");
        assertThat(teams.names()).isEmpty();
        HttpJson.Reply audit = http.get(firm.api() + "/audit?action=team.deleted", realm.accessToken("olivia"));
        assertThat(audit.json().get(0).at("/before/name").asText()).isEqualTo(renamed);
    }

    @Test
    void anOwnerSharesABusinessWithATeamAndUnsharesIt() {
        signInAndOpen("olivia", "teams/" + reviewersId);
        TeamPage team = new TeamPage(browser.driver());
        team.share("Golf Ltd", "full");
        assertThat(team.sharedBusinesses()).as(browser.driver().findElement(By.tagName("main")).getText())
                .contains("Golf Ltd");

        team.unshare("Golf Ltd");

        assertThat(new Console(browser.driver()).title()).isEqualTo("Team Reviewers");
        assertThat(team.sharedBusinesses()).doesNotContain("Golf Ltd");
        HttpJson.Reply grants = http.get(firm.api() + "/teams/" + reviewersId + "/grants", realm.accessToken("olivia"));
        assertThat(grants.toString()).doesNotContain("Golf Ltd");
    }

    @Test
    void anOwnerSharesSelectedBusinessesWithAPersonAndATeamAtOnce() {
        signInAndOpen("olivia", "businesses");
        BusinessesPage businesses = new BusinessesPage(browser.driver());
        businesses.chooseSharing(List.of("nina"), List.of(), "full");
        businesses.share();
        assertThat(new Console(browser.driver()).title()).as("nothing selected").isEqualTo("Request refused");

        browser.driver().get(firmUrl + "businesses");
        WebElement selectAll = browser.driver().findElement(By.id("select-all"));
        selectAll.click();
        assertThat(browser.driver().findElements(By.cssSelector("#business-table input[name='business']")))
                .isNotEmpty().allMatch(WebElement::isSelected);
        selectAll.click();
        businesses.select("Delta Ltd");
        businesses.select("Echo Ltd");
        businesses.chooseSharing(List.of("nina"), List.of("Reviewers"), "full");
        browser.screenshot("businesses-share");
        businesses.share();
        assertThat(new Console(browser.driver()).title()).isEqualTo("Businesses");
        HttpJson.Reply teamGrants = http.get(firm.api() + "/teams/" + reviewersId + "/grants",
                realm.accessToken("olivia"));
        assertThat(teamGrants.toString()).contains("Delta Ltd", "Echo Ltd").doesNotContain("Foxtrot Ltd");
        new Console(browser.driver()).signOut();

        signIn("nina");
        assertThat(new ConsolePages.MyBusinessesPage(browser.driver()).names())
                .containsExactlyInAnyOrder("Delta Ltd", "Echo Ltd");
    }

    private HttpJson.Reply exchange(String key) {
        return ConnectionKeys.exchange(http, realm.name(), SCRIPTS, key, null);
    }

    private String ownerInvitesAndCopiesTheLink(String email) {
        signInAndOpen("olivia", "invitations");
        InvitationsPage invitations = new InvitationsPage(browser.driver());
        invitations.invite(email, "member");
        return invitations.copyLink(email);
    }

    private void signInAndOpen(String username, String page) {
        signIn(username);
        browser.driver().get(firmUrl + page);
    }

    private void signIn(String username) {
        ConsolePages.signIn(browser.driver(), consoleUrl, username, TestRealm.PASSWORD);
    }
}
