package dev.firmaccess.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.it.console.ConsolePages.AccessPage;
import dev.firmaccess.it.console.ConsolePages.Console;
import dev.firmaccess.it.console.ConsolePages.InvitationsPage;
import dev.firmaccess.it.console.ConsolePages.Modal;
import dev.firmaccess.it.console.ConsolePages.MyBusinessesPage;
import dev.firmaccess.it.console.ConsolePages.StaffPage;
import dev.firmaccess.it.support.StaffRoles;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.WithSharedServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's daily pages as an owner, an admin and a member use them: the staff list with roles
 * told apart and changed on select, the pending invitations under it, manage access that shows and
 * takes away direct grants one page at a time, and a member creating a business.
 */
@WithSharedServer
class StaffAndAccessConsoleIT extends ConsoleFirmTest {

    /** More than one page of the console (20 a page): the manage-access save must leave the second page alone. */
    private static final int BUSINESSES = 23;

    private String firmUrl;
    private String api;
    private final Map<String, String> businessIds = new HashMap<>();
    private String auditorsId;

    StaffAndAccessConsoleIT() {
        super("console-staff", "Harbor Books", "harbor", "adam", "max", "nina", "carl", "mia");
    }

    @BeforeAll
    void setUp() {
        firmUrl = firm.firmUrl();
        api = firm.api();
        setRole("adam", "admin");
        IntStream.rangeClosed(1, BUSINESSES).forEach(n -> businessIds.put(business(n), firm.createBusiness(business(n))));
        HttpJson.Reply team = http.post(api + "/teams", owner(), Map.of("name", "Auditors"));
        assertThat(team.status()).as(team.toString()).isEqualTo(201);
        auditorsId = team.json().get("id").asText();
    }

    @Test
    void manageAccessTicksDirectGrantsMarksTeamAccessAndSaveWritesExactlyTheTickedSet() {
        replaceDirect("max", List.of(business(1), business(2), business(22)));
        HttpJson.Reply joined = http.put(api + "/teams/" + auditorsId + "/members/" + firm.userId("max"), owner(),
                null);
        assertThat(joined.status()).as(joined.toString()).isEqualTo(204);
        HttpJson.Reply shared = http.put(api + "/businesses/" + businessIds.get(business(3)) + "/grants/teams/"
                + auditorsId, owner(), Map.of("level", "full"));
        assertThat(shared.status()).as(shared.toString()).isEqualTo(200);
        signIn("olivia");

        AccessPage access = new StaffPage(browser.driver()).manageAccessOf("max");

        assertThat(access.tickedBusinesses()).containsExactly(business(1), business(2));
        assertThat(access.levelOf(business(3))).contains("(via team Auditors)");
        assertThat(access.ticked(business(3))).as("a team's grant is no direct grant to untick").isFalse();
        assertThat(access.levelOf(business(4))).isEqualTo("No access");
        access.toggle(business(2));
        access.toggle(business(4));
        access.save();

        assertThat(access.title()).isEqualTo("Access of max");
        assertThat(browser.driver().findElement(By.id("access-saved")).getText()).isEqualTo("Access saved.");
        assertThat(access.tickedBusinesses()).containsExactly(business(1), business(4));
        assertThat(access.levelOf(business(2))).isEqualTo("No access");
        Accessibility.assertHeadersWholeAndNoSidewaysPage(browser.driver());
        assertThat(direct("max")).as("the business on the second page keeps its grant")
                .containsExactly(business(1), business(4), business(22));
        assertThat(reachable("max")).contains(business(3)).doesNotContain(business(2));
        browser.screenshot("manage-access");

        // Closing the dialog after a save shows the staff page again with the member's count as the API has it.
        access.closeSaved();
        assertThat(new StaffPage(browser.driver()).reach("max")).isEqualTo(
                http.get(api + "/staff/" + firm.userId("max"), owner()).json().get("businessCount").asText());
    }

    @Test
    void theManageAccessModalKeepsTheKeyboardInsideAndEscapeClosesItWithoutSaving() {
        replaceDirect("mia", List.of(business(7)));
        signIn("olivia");
        Modal modal = new Modal(browser.driver());
        AccessPage access = new StaffPage(browser.driver()).manageAccessOf("mia");

        assertThat(modal.title()).isEqualTo("Access of mia");
        assertThat(modal.focusedId()).as("focus moves into the dialog").isEqualTo("access-search");
        assertThat(access.tickedBusinesses()).containsExactly(business(7));
        access.toggle(business(8));
        WebElement dialog = browser.driver().findElement(By.cssSelector(".pf-v5-c-modal-box[aria-modal='true']"));
        for (int tab = 0; tab < 60; tab++) {
            browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
            assertThat((Boolean) ((JavascriptExecutor) browser.driver()).executeScript(
                    "return arguments[0].contains(document.activeElement);", dialog))
                    .as("focus after %d presses of Tab stays in the dialog", tab + 1).isTrue();
        }
        browser.driver().switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertThat((Boolean) ((JavascriptExecutor) browser.driver()).executeScript(
                "return arguments[0].contains(document.activeElement);", dialog)).isTrue();
        Accessibility.assertNoSeriousViolations(browser.driver());

        modal.escape();
        assertThat(browser.driver().switchTo().activeElement().getAttribute("class")).contains("fa-manage-access");
        assertThat(direct("mia")).as("nothing was saved").containsExactly(business(7));

        new StaffPage(browser.driver()).manageAccessOf("mia");
        browser.driver().findElement(By.id("fa-modal-close")).click();
        assertThat(modal.open()).isFalse();
    }

    @Test
    void theManageAccessModalSearchesAndPagesInsideTheDialog() {
        replaceDirect("mia", List.of(business(21)));
        signIn("olivia");
        AccessPage access = new StaffPage(browser.driver()).manageAccessOf("mia");
        assertThat(browser.driver().findElement(By.cssSelector("#access-pager .fa-page-range")).getText())
                .startsWith("1–20 of ");
        WebElement firstPage = browser.driver().findElement(By.id("access-table"));
        browser.driver().findElement(By.id("access-pager-next")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(firstPage));
        assertThat(new Modal(browser.driver()).open()).as("paging stays in the dialog").isTrue();
        assertThat(access.tickedBusinesses()).containsExactly(business(21));
        access.toggle(business(23));
        access.save();
        assertThat(direct("mia")).containsExactly(business(21), business(23));

        WebElement secondPage = browser.driver().findElement(By.id("access-table"));
        browser.driver().findElement(By.id("access-search")).sendKeys("Client 07", Keys.ENTER);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(secondPage));
        assertThat(browser.driver().findElements(By.cssSelector("#access-table tr[data-business]")))
                .extracting(row -> row.getAttribute("data-business")).containsExactly(business(7));
        for (int width : List.of(375, 1920)) {
            browser.width(width);
            Accessibility.assertNoSeriousViolations(browser.driver());
            Accessibility.assertHeadersWholeAndNoSidewaysPage(browser.driver());
        }
        browser.width(1280);
    }

    @Test
    void withoutScriptsManageAccessIsAPageAndADestructiveActionAsksUnderItsButton() {
        replaceDirect("nina", List.of(business(9)));
        invite("no.script@example.com");
        try (Browser plain = new Browser("en", false)) {
            WebDriver driver = plain.driver();
            ConsolePages.signIn(driver, firm.consoleUrl(), "olivia", TestRealm.PASSWORD);
            driver.get(firmUrl + "staff");
            AccessPage access = new StaffPage(driver).manageAccessOf("nina");
            assertThat(new Console(driver).title()).isEqualTo("Access of nina");
            access.toggle(business(10));
            access.save();
            assertThat(access.tickedBusinesses()).containsExactly(business(9), business(10));
            assertThat(direct("nina")).containsExactly(business(9), business(10));

            driver.get(firmUrl + "staff");
            WebElement cancel = new InvitationsPage(driver).row("no.script@example.com")
                    .findElement(By.cssSelector("details.fa-confirm summary"));
            WebElement details = cancel.findElement(By.xpath(".."));
            cancel.click();
            assertThat(new Modal(driver).open()).isFalse();
            assertThat(details.findElement(By.cssSelector(".fa-confirm-question")).getText())
                    .isEqualTo("Cancel the invitation of no.script@example.com? Its link stops working.");
            assertThat(invitationStatus("no.script@example.com")).as("opening the question changes nothing").isEqualTo("pending");
            ConsolePages.submit(driver, details.findElement(By.cssSelector("button[type='submit']")));
            assertThat(invitationStatus("no.script@example.com")).isEqualTo("cancelled");
        }
    }

    @Test
    void aDestructiveActionAsksInAModalAndCancelLeavesEverythingAsItWas() {
        invite("maybe.later@example.com");
        signIn("olivia");
        InvitationsPage pending = new InvitationsPage(browser.driver());
        Modal modal = new Modal(browser.driver());
        WebElement cancel = pending.row("maybe.later@example.com").findElement(By.cssSelector("details.fa-confirm summary"));

        cancel.click();
        assertThat(modal.title()).isEqualTo("Cancel the invitation of maybe.later@example.com?");
        assertThat(modal.body()).isEqualTo("Cancel the invitation of maybe.later@example.com? Its link stops working.");
        assertThat(modal.focusedId()).isEqualTo("fa-modal-confirm");
        Accessibility.assertNoSeriousViolations(browser.driver());
        browser.screenshot("confirm-modal");
        browser.driver().findElement(By.id("fa-modal-cancel")).click();
        assertThat(modal.open()).isFalse();
        assertThat(browser.driver().switchTo().activeElement()).isEqualTo(cancel);
        assertThat(invitationStatus("maybe.later@example.com")).isEqualTo("pending");

        pending.cancel("maybe.later@example.com");
        assertThat(pending.emails()).doesNotContain("maybe.later@example.com");
        assertThat(invitationStatus("maybe.later@example.com")).isEqualTo("cancelled");
    }

    @Test
    void selectAndDeselectAllCoverTheShownPageOnly() {
        replaceDirect("nina", List.of(business(23)));
        signIn("olivia");
        AccessPage access = new StaffPage(browser.driver()).manageAccessOf("nina");
        assertThat(browser.driver().findElement(By.id("save-scope")).getText()).contains("20 businesses");

        access.selectAllShown();
        assertThat(access.tickedBusinesses()).hasSize(20);
        access.save();

        List<String> firstPage = IntStream.rangeClosed(1, 20).mapToObj(StaffAndAccessConsoleIT::business).toList();
        List<String> expected = new ArrayList<>(firstPage);
        expected.add(business(23));
        assertThat(direct("nina")).containsExactlyInAnyOrderElementsOf(expected);

        access.deselectAllShown();
        assertThat(access.tickedBusinesses()).isEmpty();
        access.save();
        assertThat(direct("nina")).containsExactly(business(23));
    }

    @Test
    void aSaveWithAnUnknownBusinessIsRefusedAndChangesNothing() {
        replaceDirect("carl", List.of(business(5)));
        signIn("olivia");
        AccessPage access = new StaffPage(browser.driver()).manageAccessOf("carl");
        access.toggle(business(5));
        access.toggle(business(6));
        // A business deleted (or of another firm) since the page was shown.
        ((JavascriptExecutor) browser.driver()).executeScript("var box = document.createElement('input');"
                + "box.type = 'hidden'; box.name = 'business'; box.value = 'no-such-business';"
                + "document.getElementById('assign-form').appendChild(box);");
        access.save();

        assertThat(access.refusal()).hasValueSatisfying(shown -> assertThat(shown)
                .startsWith("There is nothing here, or you cannot see it."));
        assertThat(access.tickedBusinesses()).as("the dialog still shows the unsaved choice").contains(business(6));
        assertThat(direct("carl")).containsExactly(business(5));
    }

    @Test
    void ownersAndAdminsAreToldApartAndReachAllBusinessesWhileMembersShowTheirCount() {
        replaceDirect("nina", List.of(business(1), business(2)));
        signIn("olivia");
        StaffPage staff = new StaffPage(browser.driver());

        assertThat(staff.offeredRoles("adam"))
                .containsExactly("Owner · PartnerAdmin", "Admin · PartnerAdmin", "Member · PartnerUser");
        assertThat(staff.role("olivia")).isEqualTo("Owner · PartnerAdmin");
        assertThat(staff.role("adam")).isEqualTo("Admin · PartnerAdmin");
        assertThat(staff.reach("olivia")).isEqualTo("All businesses");
        assertThat(staff.reach("adam")).isEqualTo("All businesses");
        assertThat(staff.offersManageAccess("olivia")).isFalse();
        assertThat(staff.offersManageAccess("adam")).isFalse();
        assertThat(staff.reach("nina")).isEqualTo("2");
        assertThat(staff.offersManageAccess("nina")).isTrue();
        assertThat(browser.driver().findElement(By.cssSelector(".fa-subtitle")).getText())
                .isEqualTo("Harbor Books · Owner · PartnerAdmin");
        browser.screenshot("staff");
        new Console(browser.driver()).signOut();

        signIn("adam");
        assertThat(staff.offersRoleChange("olivia")).as("an admin cannot change an owner").isFalse();
        assertThat(staff.role("olivia")).isEqualTo("Owner · PartnerAdmin");
        assertThat(staff.offeredRoles("max")).containsExactly("Admin · PartnerAdmin", "Member · PartnerUser");
        browser.driver().get(firmUrl + "invitations");
        assertThat(new InvitationsPage(browser.driver()).offeredRoles()).containsExactly("admin", "member");
    }

    @Test
    void aRoleChangeSavesOnSelect() {
        signIn("olivia");
        StaffPage staff = new StaffPage(browser.driver());
        WebElement save = staff.row("carl").findElement(By.cssSelector(".fa-role button[type='submit']"));
        assertThat(save.isDisplayed()).as("where scripts run, the choice saves itself").isFalse();

        staff.changeRole("carl", "admin");

        assertThat(staff.role("carl")).isEqualTo("Admin · PartnerAdmin");
        assertThat(staff.reach("carl")).isEqualTo("All businesses");
        assertThat(roleOf("carl")).isEqualTo("admin");

        staff.changeRole("carl", "member");
        assertThat(roleOf("carl")).isEqualTo("member");
        assertThat(staff.offersManageAccess("carl")).isTrue();
    }

    @Test
    void aRoleChosenWithTheKeyboardSavesOnEnterNotOnEachArrowKey() {
        signIn("olivia");
        StaffPage staff = new StaffPage(browser.driver());
        WebElement select = staff.row("nina").findElement(By.cssSelector(".fa-role select"));
        try {
            select.sendKeys(Keys.ARROW_UP);
            assertThat(staff.roleSelect("nina").getFirstSelectedOption().getText()).isEqualTo("Admin · PartnerAdmin");
            assertThat(roleOf("nina")).as("passing an option saves nothing").isEqualTo("member");

            ConsolePages.replacePage(browser.driver(), () -> select.sendKeys(Keys.ENTER));

            assertThat(new StaffPage(browser.driver()).role("nina")).isEqualTo("Admin · PartnerAdmin");
            assertThat(roleOf("nina")).isEqualTo("admin");
        } finally {
            setRole("nina", "member");
        }
    }

    @Test
    void withoutScriptsARoleChangesWithTheSaveButton() {
        try (Browser plain = new Browser("en", false)) {
            ConsolePages.signIn(plain.driver(), firm.consoleUrl(), "olivia", TestRealm.PASSWORD);
            plain.driver().get(firmUrl + "staff");
            StaffPage staff = new StaffPage(plain.driver());
            staff.roleSelect("mia").selectByValue("admin");
            WebElement save = staff.row("mia").findElement(By.cssSelector(".fa-role button[type='submit']"));
            assertThat(save.isDisplayed()).isTrue();
            assertThat(roleOf("mia")).as("choosing alone saves nothing without scripts").isEqualTo("member");

            save.click();
            new WebDriverWait(plain.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(save));

            assertThat(new StaffPage(plain.driver()).role("mia")).isEqualTo("Admin · PartnerAdmin");
            assertThat(roleOf("mia")).isEqualTo("admin");
        } finally {
            setRole("mia", "member");
        }
    }

    @Test
    void pendingInvitationsShowUnderTheStaffListWithTheirBadgeAndActions() {
        invite("keep.me@example.com");
        invite("drop.me@example.com");
        signIn("olivia");
        InvitationsPage pending = new InvitationsPage(browser.driver());

        assertThat(pending.emails()).contains("keep.me@example.com", "drop.me@example.com");
        assertThat(pending.delivery("keep.me@example.com")).isEqualTo("Sent");
        assertThat(pending.resendButton("keep.me@example.com").isEnabled()).as("cooling down").isFalse();
        assertThat(pending.cooldown("keep.me@example.com")).startsWith("Can be resent from ");

        String link = pending.copyLink("keep.me@example.com");
        assertThat(new Console(browser.driver()).title()).isEqualTo("Staff");
        assertThat(link).contains("/realms/" + firm.realm().name() + "/firm-access/invitations/accept/");
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView();",
                browser.driver().findElement(By.id("pending-invitations-heading")));
        browser.screenshot("staff-invitations");

        pending.cancel("drop.me@example.com");
        assertThat(new Console(browser.driver()).title()).isEqualTo("Staff");
        assertThat(pending.emails()).contains("keep.me@example.com").doesNotContain("drop.me@example.com");
        HttpJson.Reply cancelled = http.get(api + "/invitations?email=drop.me@example.com", owner());
        assertThat(cancelled.json().get(0).get("status").asText()).as(cancelled.toString()).isEqualTo("cancelled");
    }

    @Test
    void aMemberCreatesABusinessOnTheirOwnPageWhenTheRealmAllowsIt() {
        signIn("mia");
        MyBusinessesPage mine = new MyBusinessesPage(browser.driver());
        assertThat(mine.offersCreation()).isTrue();

        mine.create("Mia Startup");

        assertThat(new Console(browser.driver()).title()).isEqualTo("My businesses");
        assertThat(mine.names()).contains("Mia Startup");
        assertThat(direct("mia")).contains("Mia Startup");
        browser.screenshot("member-businesses");

        changeSettings(false);
        try {
            browser.driver().navigate().refresh();
            assertThat(mine.offersCreation()).isFalse();
        } finally {
            changeSettings(true);
        }
    }

    @Test
    void everyPageOwnersAdminsAndMembersReachHasNoSeriousAccessibilityViolation() {
        replaceDirect("max", List.of(business(1)));
        invite("axe.check@example.com");
        signIn("olivia");
        for (String page : List.of("staff", "staff/" + firm.userId("max") + "/access", "businesses",
                "invitations", "teams", "teams/" + auditorsId, "audit", "portal",
                "portal/businesses/" + businessIds.get(business(1)), "mine", "keys")) {
            browser.driver().get(firmUrl + page);
            Accessibility.assertNoSeriousViolations(browser.driver());
        }
        for (int width : List.of(375, 1920)) {
            browser.width(width);
            for (String page : List.of("staff", "staff/" + firm.userId("max") + "/access", "businesses", "matrix",
                    "levels", "invitations", "teams", "teams/" + auditorsId, "audit", "portal",
                    "portal/businesses/" + businessIds.get(business(1)), "mine", "keys")) {
                browser.driver().get(firmUrl + page);
                Accessibility.assertHeadersWholeAndNoSidewaysPage(browser.driver());
            }
        }
        browser.width(375);
        browser.driver().get(firmUrl + "staff");
        Accessibility.assertNoSeriousViolations(browser.driver());
        browser.screenshot("staff-phone");
        browser.width(1920);
        browser.driver().get(firmUrl + "staff");
        Accessibility.assertNoSeriousViolations(browser.driver());
        browser.width(1280);
        new Console(browser.driver()).signOut();

        signIn("adam");
        for (String page : List.of("staff", "businesses", "invitations")) {
            browser.driver().get(firmUrl + page);
            Accessibility.assertNoSeriousViolations(browser.driver());
        }
        new Console(browser.driver()).signOut();

        signIn("max");
        for (String page : List.of("mine", "keys", "portal")) {
            browser.driver().get(firmUrl + page);
            Accessibility.assertNoSeriousViolations(browser.driver());
        }
    }

    private static String business(int n) {
        return String.format("Client %02d", n);
    }

    private String owner() {
        return firm.ownerToken();
    }

    private void setRole(String username, String role) {
        StaffRoles.set(http, firm.realm(), "harbor", firm.userId(username), role);
    }

    private String roleOf(String username) {
        return http.get(api + "/staff/" + firm.userId(username), owner()).json().get("role").asText();
    }

    private void replaceDirect(String username, List<String> businesses) {
        HttpJson.Reply replaced = http.put(api + "/staff/" + firm.userId(username) + "/access", owner(), Map.of(
                "grants", businesses.stream().map(name -> Map.of("businessId", businessIds.get(name), "level", "full"))
                        .toList()));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
    }

    /** The names of the businesses the person has a direct grant on, as the API explains their access. */
    private List<String> direct(String username) {
        return explained(username, "direct");
    }

    private List<String> reachable(String username) {
        return explained(username, null);
    }

    private List<String> explained(String username, String pathType) {
        HttpJson.Reply explained = http.get(api + "/staff/" + firm.userId(username) + "/access/explain?max=100",
                owner());
        assertThat(explained.status()).as(explained.toString()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        explained.json().forEach(entry -> {
            boolean matches = pathType == null;
            for (var path : entry.get("paths")) {
                matches |= pathType != null && pathType.equals(path.get("type").asText());
            }
            if (matches) {
                names.add(entry.get("name").asText());
            }
        });
        return new ArrayList<>(new TreeSet<>(names));
    }

    private String invitationStatus(String email) {
        HttpJson.Reply found = http.get(api + "/invitations?email=" + email, owner());
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        return found.json().get(0).get("status").asText();
    }

    private void invite(String email) {
        HttpJson.Reply invited = http.post(api + "/invitations", owner(), Map.of(
                "invitees", List.of(Map.of("email", email)), "role", "member"));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        mail.awaitMessageTo(email, Duration.ofSeconds(30));
    }

    private void changeSettings(boolean membersMayCreate) {
        HttpJson.Reply changed = http.put("/admin/realms/" + firm.realm().name() + "/firm-access/settings",
                firm.realm().adminToken(), Map.of("membersMayCreateBusinesses", membersMayCreate));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    private void signIn(String username) {
        ConsolePages.signIn(browser.driver(), firm.consoleUrl(), username, TestRealm.PASSWORD);
        browser.driver().get(firmUrl + (username.equals("olivia") || username.equals("adam") ? "staff" : "mine"));
    }
}
