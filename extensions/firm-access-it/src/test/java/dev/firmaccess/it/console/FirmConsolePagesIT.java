package dev.firmaccess.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.it.console.ConsolePages.AuditPage;
import dev.firmaccess.it.console.ConsolePages.Console;
import dev.firmaccess.it.console.ConsolePages.InvitationsPage;
import dev.firmaccess.it.console.ConsolePages.KeysPage;
import dev.firmaccess.it.console.ConsolePages.StaffPage;
import dev.firmaccess.it.console.ConsolePages.TeamPage;
import dev.firmaccess.it.console.ConsolePages.TeamsPage;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.MailCatcher;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.WithSharedServer;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.keycloak.representations.idm.ClientRepresentation;

/** The console's invitations, teams, audit and connection-key pages, driven in a real browser. */
@WithSharedServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirmConsolePagesIT {

    private static final String SCRIPTS = "console-scripts";

    private HttpJson http;
    private MailCatcher mail;
    private TestRealm realm;
    private String consoleUrl;
    private String firmUrl;
    private Browser browser;

    @BeforeAll
    void setUp(TestEnvironment env) {
        http = env.http();
        mail = env.mail();
        realm = env.newRealm("console-pages");
        consoleUrl = env.server().baseUrl() + "/realms/" + realm.name() + "/firm-access/console/";
        firmUrl = consoleUrl + "firms/books/";
        String firmId = realm.createFirm("Books & Partners", "books");
        String olivia = realm.createUser("olivia");
        realm.addMember(firmId, olivia);
        realm.addMember(firmId, realm.createUser("max"));
        HttpJson.Reply promoted = http.put("/admin/realms/" + realm.name() + "/firm-access/firms/books/staff/" + olivia
                + "/role", realm.adminToken(), Map.of("role", "owner"));
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);

        ClientRepresentation scripts = new ClientRepresentation();
        scripts.setClientId(SCRIPTS);
        scripts.setPublicClient(true);
        scripts.setStandardFlowEnabled(false);
        scripts.setAttributes(Map.of("firm-access.connection-keys.enabled", "true"));
        try (Response created = realm.admin().clients().create(scripts)) {
            assertThat(created.getStatus()).isEqualTo(201);
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void anOwnerInvitesSomeoneWhoGetsTheMailAndResendWaitsForTheCooldown() {
        signIn("olivia");
        browser.driver().get(firmUrl + "invitations");
        InvitationsPage invitations = new InvitationsPage(browser.driver());
        assertThat(invitations.offeredRoles()).contains("owner", "admin", "member");

        invitations.invite("new.hire@example.com, Nina, Hire", "member");

        MailCatcher.ReceivedMail invitation = mail.awaitMessageTo("new.hire@example.com", Duration.ofSeconds(30));
        assertThat(invitation.subject()).contains("Books & Partners");
        assertThat(new Console(browser.driver()).title()).isEqualTo("Invitations");
        assertThat(invitations.delivery("new.hire@example.com")).isEqualTo("Sent");
        assertThat(invitations.resendButton("new.hire@example.com").isEnabled()).isFalse();
        assertThat(invitations.cooldown("new.hire@example.com")).startsWith("Can be resent from ");
        browser.screenshot("invitations");
    }

    @Test
    void anInviteWithABadAddressIsRefusedAndInvitesNobody() {
        signIn("olivia");
        browser.driver().get(firmUrl + "invitations");

        new InvitationsPage(browser.driver()).invite("good@example.com\nnot-an-address", "member");

        assertThat(new Console(browser.driver()).title()).isEqualTo("Request refused");
        HttpJson.Reply pending = http.get("/realms/" + realm.name() + "/firm-access/api/v1/firms/books/invitations"
                + "?email=good@example.com", realm.accessToken("olivia"));
        assertThat(pending.status()).as(pending.toString()).isEqualTo(200);
        assertThat(pending.json()).as(pending.toString()).isEmpty();
    }

    @Test
    void aTeamCreatedInTheConsoleShowsItsMemberAndTheAuditPageListsTheChange() {
        signIn("olivia");
        browser.driver().get(firmUrl + "teams");

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
        signIn("max");
        browser.driver().get(firmUrl + "keys");
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

        signIn("olivia");
        browser.driver().get(firmUrl + "teams/no-such-team");
        assertThat(console.title()).isEqualTo("Not found");
    }

    private HttpJson.Reply exchange(String key) {
        return http.postForm("/realms/" + realm.name() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "urn:firm-access:grant-type:connection-key", "client_id", SCRIPTS, "connection_key", key));
    }

    private void signIn(String username) {
        ConsolePages.signIn(browser.driver(), consoleUrl, username, TestRealm.PASSWORD);
    }
}
