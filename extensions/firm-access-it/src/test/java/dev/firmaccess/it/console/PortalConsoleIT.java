package dev.firmaccess.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.it.console.ConsolePages.RegisterPage;
import dev.firmaccess.it.console.ConsolePages.BusinessPortalPage;
import dev.firmaccess.it.console.ConsolePages.BusinessesPage;
import dev.firmaccess.it.console.ConsolePages.Console;
import dev.firmaccess.it.console.ConsolePages.LoginPage;
import dev.firmaccess.it.console.ConsolePages.PortalUsersPage;
import dev.firmaccess.it.console.ConsolePages.WorkspacesPage;
import dev.firmaccess.it.support.OwnRealmTest;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.MailCatcher;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.WithSharedServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/** The firm console's portal pages and the portal users' landing, in Debian's headless Chromium. */
@Tag("browser")
@WithSharedServer
class PortalConsoleIT extends OwnRealmTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/firm-access/portal/activate/[A-Za-z0-9._-]+");
    private static final String PASSWORD = "S3cret-pass!";

    private String consoleUrl;
    private String api;
    private String ownerToken;
    private String firmId;
    private String bakery;
    private String florist;
    private Browser owner;
    private Browser customer;

    PortalConsoleIT() {
        super("portalconsole");
    }

    @BeforeAll
    void setUp() {
        consoleUrl = env.server().baseUrl() + "/realms/" + realm.name() + "/firm-access/console/";
        api = firmApi("ledger");
        firmId = firmOwnedByOlivia("Ledger & Co", "ledger");
        ownerToken = realm.accessToken("olivia");
        bakery = business("Bakery Ltd");
        florist = business("Florist GmbH");
        String max = realm.createUser("max");
        realm.addMember(firmId, max);
        HttpJson.Reply shared = http.put(api + "/businesses/" + bakery + "/grants/users/" + max, ownerToken,
                Map.of("level", "full"));
        assertThat(shared.status() / 100).as(shared.toString()).isEqualTo(2);
    }

    @BeforeEach
    void openBrowsers() {
        owner = new Browser();
        customer = new Browser();
    }

    @AfterEach
    void closeBrowsers() {
        owner.close();
        customer.close();
    }

    @Test
    void anInvitedGuestActivatesSeesExactlyTheirWorkspaceAndLosesItWhenRemoved() {
        String email = unique("gina");
        BusinessPortalPage bakeryPortal = openBakeryPortal();
        assertThat(new Console(owner.driver()).title()).isEqualTo("Portal users of Bakery Ltd");
        bakeryPortal.invite(email + ", Gina, Guest", "guest", "Welcome, please upload your receipts.", false);

        assertThat(bakeryPortal.status(email)).isEqualTo("pending");
        BusinessPortalPage invitedOn = bakeryPortal;
        ConsolePages.reloadUntil(owner.driver(), () -> invitedOn.delivery(email), "Sent");
        assertThat(bakeryPortal.sendButton(email).isEnabled()).as("resend during the cooldown").isFalse();
        assertThat(bakeryPortal.cooldown(email)).startsWith("Can be resent from ");
        owner.screenshot("portal-business");

        String link = linkIn(mail.awaitMessageTo(email, Duration.ofSeconds(20)));
        activate(link, email, "Gina", "Guest");
        assertThat(new Console(customer.driver()).title()).isEqualTo("My workspaces");
        WorkspacesPage workspaces = new WorkspacesPage(customer.driver());
        assertThat(workspaces.businesses()).containsExactly("Bakery Ltd");
        customer.screenshot("portal-my-workspaces");

        owner.driver().navigate().refresh();
        assertThat(bakeryPortal.status(email)).isEqualTo("active");
        new Console(owner.driver()).open("portal");
        PortalUsersPage list = new PortalUsersPage(owner.driver());
        list.filter("Bakery Ltd", "active");
        assertThat(list.rows()).containsExactly("Bakery Ltd " + email + " active");
        owner.screenshot("portal-users");

        bakeryPortal = bakeryPortal();
        bakeryPortal.remove(email);
        assertThat(bakeryPortal.emails()).doesNotContain(email);
        customer.driver().navigate().refresh();
        assertThat(workspaces.businesses()).isEmpty();
        assertThat(workspaces.showsNone()).isTrue();
    }

    @Test
    void aPortalUserOpeningAStaffPageGetsTheNotFoundPage() {
        String email = unique("paul");
        inviteGuest(email);
        activate(linkIn(mail.awaitMessageTo(email, Duration.ofSeconds(20))), email, "Paul", "Portal");

        for (String staffPage : List.of("firms/ledger/", "firms/ledger/staff", "firms/ledger/portal",
                "firms/ledger/portal/businesses/" + bakery, "firms/ledger/mine")) {
            customer.driver().get(consoleUrl + staffPage);
            Console console = new Console(customer.driver());
            assertThat(console.showsError()).as(staffPage).isTrue();
            assertThat(console.title()).as(staffPage).isEqualTo("Not found");
        }
        customer.screenshot("portal-user-staff-page");
        customer.driver().get(consoleUrl);
        ConsolePages.awaitConsole(customer.driver());
        assertThat(new Console(customer.driver()).title()).isEqualTo("My workspaces");
    }

    @Test
    void aPortalUserWhoBecomesStaffSeesTheirWorkspacesAndTheirFirm() {
        String email = unique("sally");
        inviteGuest(email);
        activate(linkIn(mail.awaitMessageTo(email, Duration.ofSeconds(20))), email, "Sally", "Staff");
        realm.addMember(firmId, realm.admin().users().searchByEmail(email, true).get(0).getId());

        customer.driver().get(consoleUrl);
        ConsolePages.awaitConsole(customer.driver());
        assertThat(new Console(customer.driver()).title()).isEqualTo("Choose a firm");
        ConsolePages.submit(customer.driver(), customer.driver().findElement(By.id("my-workspaces-link")));
        assertThat(new WorkspacesPage(customer.driver()).businesses()).containsExactly("Bakery Ltd");
        ConsolePages.submit(customer.driver(), customer.driver().findElement(By.linkText("Ledger & Co")));
        assertThat(new Console(customer.driver()).title()).isEqualTo("My businesses");
    }

    @Test
    void aMemberManagesThePortalOfTheBusinessesTheyHaveFullAccessToOnly() {
        ConsolePages.signIn(owner.driver(), consoleUrl, "max", TestRealm.PASSWORD);
        new Console(owner.driver()).open("portal");
        assertThat(new PortalUsersPage(owner.driver()).businessChoices())
                .containsExactly("All businesses", "Bakery Ltd");

        new Console(owner.driver()).open("mine");
        ConsolePages.submit(owner.driver(), owner.driver()
                .findElement(By.cssSelector("#my-businesses tr[data-business='Bakery Ltd'] .fa-portal-users")));
        assertThat(new Console(owner.driver()).title()).isEqualTo("Portal users of Bakery Ltd");
        owner.driver().get(consoleUrl + "firms/ledger/portal/businesses/" + florist);
        assertThat(new Console(owner.driver()).title()).isEqualTo("Not found");
    }

    @Test
    void anActivePortalUserIsAddedToASecondBusinessWithoutAnEmail() {
        String email = unique("anna");
        inviteGuest(email);
        activate(linkIn(mail.awaitMessageTo(email, Duration.ofSeconds(20))), email, "Anna", "Added");

        ConsolePages.signIn(owner.driver(), consoleUrl, "olivia", TestRealm.PASSWORD);
        owner.driver().get(consoleUrl + "firms/ledger/businesses");
        BusinessPortalPage florist = new BusinessesPage(owner.driver()).portalUsersOf("Florist GmbH");
        assertThat(florist.addable()).contains("Anna Added <" + email + ">");
        florist.add("Anna Added <" + email + ">");

        assertThat(florist.status(email)).isEqualTo("active");
        assertThat(mail.messagesTo(email)).hasSize(1);
        customer.driver().navigate().refresh();
        assertThat(new WorkspacesPage(customer.driver()).businesses())
                .containsExactlyInAnyOrder("Bakery Ltd", "Florist GmbH");
    }

    @Test
    void preProvisionedOwnersAreInvitedTogetherLaterAndTheirLinkCanBeCopied() {
        String first = unique("otto");
        String second = unique("olga");
        BusinessPortalPage bakeryPortal = bakeryPortalWithPreProvisionedOwners(first, second);

        assertThat(bakeryPortal.delivery(first)).isEqualTo("Not sent");
        assertThat(bakeryPortal.row(second).getText()).contains("Not invited yet");
        String copied = bakeryPortal.copyLink(first);
        assertThat(copied).matches(LINK);
        owner.screenshot("portal-copy-link");
        assertNoMailTo(first);

        bakeryPortal.inviteAllOwners();
        assertThat(mail.awaitMessageTo(second, Duration.ofSeconds(20)).subject()).contains("Bakery Ltd");
        ConsolePages.reloadUntil(owner.driver(), () -> bakeryPortal.delivery(second), "Sent");
    }

    @Test
    void tickedRowsAreSentResentAndCancelledInOneGoAndARecentlySentOneIsReportedNotSent() {
        String first = unique("paula");
        String second = unique("peter");
        BusinessPortalPage bakeryPortal = bakeryPortalWithPreProvisionedOwners(first, second);

        assertThat(ConsolePages.runPortalBulk(owner.driver(), "send", first, second))
                .containsOnlyKeys(first, second)
                .allSatisfy((email, outcome) -> assertThat(outcome).startsWith("sent: ").contains("activation sent"));
        assertThat(mail.awaitMessageTo(first, Duration.ofSeconds(20)).subject()).contains("Bakery Ltd");
        assertThat(mail.awaitMessageTo(second, Duration.ofSeconds(20)).subject()).contains("Bakery Ltd");

        Map<String, String> resent = ConsolePages.runPortalBulk(owner.driver(), "resend", first);
        assertThat(resent.get(first)).startsWith("cooldown: ").containsPattern("in \\d+ seconds");
        assertThat(mail.messagesTo(first)).hasSize(1);
        owner.screenshot("portal-bulk-outcome");

        owner.driver().get(consoleUrl + "firms/ledger/portal?search=" + URLEncoder.encode(first, StandardCharsets.UTF_8));
        PortalUsersPage list = new PortalUsersPage(owner.driver());
        assertThat(ConsolePages.runPortalBulk(owner.driver(), "cancel", first)).containsOnlyKeys(first);
        assertThat(list.rows()).containsExactly("Bakery Ltd " + first + " cancelled");
        assertThat(bakeryPortal().status(second)).isEqualTo("pending");
        HttpJson.Reply listed = http.get(api + "/portal/memberships?search=" + first, ownerToken);
        assertThat(listed.json().get(0).get("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void aNameWithHtmlShowsAsText() {
        String email = unique("mallory");
        BusinessPortalPage bakeryPortal = openBakeryPortal();
        bakeryPortal.invite(email + ", <b>Bold</b>, <script>alert(1)</script>", "guest", null, true);

        assertThat(bakeryPortal.name(email)).isEqualTo("<b>Bold</b> <script>alert(1)</script>");
        assertThat(bakeryPortal.row(email).findElements(By.tagName("b"))).isEmpty();
        assertThat(bakeryPortal.row(email).findElements(By.tagName("script"))).isEmpty();
    }

    @Test
    void aFormPostedWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        String email = unique("forged");
        openBakeryPortal();
        ConsolePages.replacePage(owner.driver(), () -> ((JavascriptExecutor) owner.driver()).executeScript(
                "var f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];"
                        + "[['people', arguments[1]], ['role', 'guest']].forEach(function (p) {"
                        + "var i = document.createElement('input'); i.name = p[0]; i.value = p[1];"
                        + "f.appendChild(i); });"
                        + "document.body.appendChild(f); f.submit();",
                consoleUrl + "firms/ledger/portal/businesses/" + bakery + "/invite", email));

        assertThat(new Console(owner.driver()).title()).isEqualTo("Not allowed");
        HttpJson.Reply list = http.get(api + "/portal/memberships?search=" + email, ownerToken);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).isEmpty();
        assertNoMailTo(email);
    }

    @Test
    void aCsvWithOneBadRowImportsNothingAndAGoodOneInvitesEveryRowAndExportsThem() throws Exception {
        String formula = unique("formula");
        String flora = unique("flora");
        ConsolePages.signIn(owner.driver(), consoleUrl, "olivia", TestRealm.PASSWORD);
        new Console(owner.driver()).open("portal");
        PortalUsersPage portal = new PortalUsersPage(owner.driver());
        Path upload = Files.createTempFile("portal-import", ".csv");
        Files.writeString(upload, "business,email,firstName,lastName,role\r\n"
                + bakery + "," + formula + ",=SUM(1+1),Formula,guest\r\n"
                + "no-such-business," + flora + ",Flora,Florist,guest\r\n");
        try {
            portal.importFile(upload);
        } finally {
            Files.delete(upload);
        }

        assertThat(portal.importRefusal()).isEqualTo("1 of 2 rows are invalid; nothing was imported");
        assertThat(portal.importErrors()).containsExactly("3: Business 'no-such-business' not found");
        owner.screenshot("portal-import-refused");
        for (String email : List.of(formula, flora)) {
            HttpJson.Reply none = http.get(api + "/portal/memberships?search=" + email, ownerToken);
            assertThat(none.json()).as(email).isEmpty();
        }
        assertNoMailTo(formula, flora);

        portal.importText("business,email,firstName,lastName,role\n"
                + bakery + "," + formula + ",=SUM(1+1),Formula,guest\n"
                + florist + "," + flora + ",Flora,Florist,guest\n");
        assertThat(portal.importDone()).isEqualTo("Imported: 2 portal memberships created.");
        assertThat(portal.rows()).contains("Bakery Ltd " + formula + " pending", "Florist GmbH " + flora + " pending");
        owner.screenshot("portal-imported");
        assertThat(mail.awaitMessageTo(formula, Duration.ofSeconds(20)).subject()).contains("Bakery Ltd");
        assertThat(mail.awaitMessageTo(flora, Duration.ofSeconds(20)).subject()).contains("Florist GmbH");

        HttpResponse<String> export = withBrowserCookies(portal.exportUrl());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv"));
        assertThat(export.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"portal-users-ledger.csv\"");
        assertThat(export.body()).contains("Bakery Ltd," + bakery + "," + formula + ",'=SUM(1+1),Formula,guest,pending")
                .contains("Florist GmbH," + florist + "," + flora + ",Flora,Florist,guest,pending")
                .doesNotContain(",=SUM");

        portal.filter("Bakery Ltd", "pending");
        HttpResponse<String> bakeryOnly = withBrowserCookies(portal.exportUrl());
        assertThat(bakeryOnly.statusCode()).isEqualTo(200);
        assertThat(bakeryOnly.body()).contains(formula).doesNotContain(flora);
    }

    @Test
    void aLargeUploadShowsAProgressBarThatThePageUpdatesUntilEveryoneIsImported() throws Exception {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        // A business of its own, so that the other tests' businesses keep their short lists.
        String bulk = business("Bulk Imports " + batch);
        StringBuilder csv = new StringBuilder("business,email,role,send\n");
        for (int i = 0; i < 3000; i++) {
            csv.append(bulk).append(",bulk").append(i).append('-').append(batch).append("@customer.test,owner,false\n");
        }
        ConsolePages.signIn(owner.driver(), consoleUrl, "olivia", TestRealm.PASSWORD);
        new Console(owner.driver()).open("portal");
        PortalUsersPage portal = new PortalUsersPage(owner.driver());

        Path upload = Files.createTempFile("portal-import-large", ".csv");
        Files.writeString(upload, csv);
        try {
            portal.importFile(upload);
        } finally {
            Files.delete(upload);
        }

        assertThat(owner.driver().getCurrentUrl()).contains("/firm-access/console/firms/ledger/portal/imports/");
        assertThat(portal.importProgress()).endsWith("/3000");
        owner.screenshot("portal-import-progress");
        // Set on this page: still there at the end, so the page updated itself rather than being reloaded.
        ((JavascriptExecutor) owner.driver()).executeScript("window.sameImportPage = true;");
        assertThat(portal.awaitImportFinished(Duration.ofMinutes(3))).isEqualTo("imported");
        assertThat(((JavascriptExecutor) owner.driver()).executeScript("return window.sameImportPage === true;"))
                .isEqualTo(true);
        assertThat(portal.importDone()).matches("Imported: 3,?000 portal memberships created\\.");
        HttpJson.Reply last = http.get(api + "/portal/memberships?search=bulk2999-" + batch, ownerToken);
        assertThat(last.json()).hasSize(1);
    }

    @Test
    void aMembersExportHoldsOnlyTheBusinessesTheyHaveFullAccessTo() throws Exception {
        String bakeryGuest = unique("bg");
        String floristGuest = unique("fg");
        inviteGuest(bakeryGuest);
        HttpJson.Reply invited = http.post(api + "/portal/invitations", ownerToken, Map.of("businessId", florist,
                "role", "guest", "invitees", List.of(Map.of("email", floristGuest))));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);

        ConsolePages.signIn(owner.driver(), consoleUrl, "max", TestRealm.PASSWORD);
        new Console(owner.driver()).open("portal");
        HttpResponse<String> export = withBrowserCookies(new PortalUsersPage(owner.driver()).exportUrl());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body()).contains(bakeryGuest).doesNotContain(floristGuest);
    }

    @Test
    void aSignedOutOwnerOpeningThePortalPageOfTheFirmLandsThereAfterSignIn() {
        owner.driver().get(consoleUrl + "firms/ledger/portal?status=active");
        new LoginPage(owner.driver()).signIn("olivia", TestRealm.PASSWORD);
        ConsolePages.awaitConsole(owner.driver());

        assertThat(owner.driver().getCurrentUrl()).isEqualTo(consoleUrl + "firms/ledger/portal?status=active");
        assertThat(new Console(owner.driver()).title()).isEqualTo("Portal users");
        assertThat(new Select(owner.driver().findElement(By.id("filter-status"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("active");
    }

    @Test
    void aReturnTargetOutsideTheConsoleIsIgnored() {
        String home = consoleUrl + "firms/ledger/staff";
        owner.driver().get(consoleUrl + "?return=" + encode("https://evil.example/realms/" + realm.name()
                + "/firm-access/console/portal"));
        new LoginPage(owner.driver()).signIn("olivia", TestRealm.PASSWORD);
        ConsolePages.awaitConsole(owner.driver());
        assertThat(owner.driver().getCurrentUrl()).isEqualTo(home);

        String consolePath = "/realms/" + realm.name() + "/firm-access/console/";
        for (String outside : List.of("//evil.example/", "/realms/" + realm.name() + "/account",
                consolePath + "/evil.example/", consolePath + "..%2F..%2Faccount", consolePath + "\\evil.example")) {
            owner.driver().get(consoleUrl + "?return=" + encode(outside));
            ConsolePages.awaitConsole(owner.driver());
            assertThat(owner.driver().getCurrentUrl()).as(outside).isEqualTo(home);
        }
        owner.driver().get(consoleUrl + "?return=" + encode(consolePath + "firms/ledger/portal"));
        ConsolePages.awaitConsole(owner.driver());
        assertThat(owner.driver().getCurrentUrl()).isEqualTo(consoleUrl + "firms/ledger/portal");
    }

    /** Fetches a console URL as the browser would, with its session cookie: the download's answer. */
    private HttpResponse<String> withBrowserCookies(String url) throws Exception {
        String cookies = owner.driver().manage().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The Bakery's portal page after inviting owners there without sending them anything yet. */
    private BusinessPortalPage bakeryPortalWithPreProvisionedOwners(String... emails) {
        BusinessPortalPage bakeryPortal = openBakeryPortal();
        bakeryPortal.invite(String.join(", ", emails), "owner", null, false);
        return bakeryPortal;
    }

    private BusinessPortalPage openBakeryPortal() {
        ConsolePages.signIn(owner.driver(), consoleUrl, "olivia", TestRealm.PASSWORD);
        return bakeryPortal();
    }

    /** The Bakery's portal users, reached as the owner would: Businesses, then the row's link. */
    private BusinessPortalPage bakeryPortal() {
        owner.driver().get(consoleUrl + "firms/ledger/businesses");
        return new BusinessesPage(owner.driver()).portalUsersOf("Bakery Ltd");
    }

    /**
     * The customer opens the link and creates their account; the console then sends them through the
     * realm's login (the new account has no session yet) and lands them on "My workspaces".
     */
    private void activate(String link, String email, String firstName, String lastName) {
        customer.driver().get(link);
        new RegisterPage(customer.driver()).register(firstName, lastName, PASSWORD);
        new LoginPage(customer.driver()).signIn(email, PASSWORD);
        ConsolePages.awaitConsole(customer.driver());
    }

    private void inviteGuest(String email) {
        HttpJson.Reply invited = http.post(api + "/portal/invitations", ownerToken, Map.of("businessId", bakery,
                "role", "guest", "invitees", List.of(Map.of("email", email))));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
    }

    private String business(String name) {
        HttpJson.Reply created = http.post(api + "/businesses", ownerToken, Map.of("name", name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode body = created.json();
        return body.get("id").asText();
    }

    /** No mail to the addresses, proven once the mail of a later portal invitation has arrived. */
    private void assertNoMailTo(String... addresses) {
        String later = unique("later");
        mail.assertNoMailTo(() -> inviteGuest(later), later, addresses);
    }

    private static String linkIn(MailCatcher.ReceivedMail message) {
        Matcher matcher = LINK.matcher(message.text());
        assertThat(matcher.find()).as("a link in: " + message.text()).isTrue();
        return matcher.group();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 6) + "@customer.test";
    }
}
