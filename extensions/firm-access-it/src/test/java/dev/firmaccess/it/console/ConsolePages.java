package dev.firmaccess.it.console;

import dev.firmaccess.testing.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page objects of the Keycloak login page, the portal activation page and the firm console. */
final class ConsolePages {

    private ConsolePages() {
    }

    /**
     * Clicks a submit button and waits until the answer has replaced the page: a mark left on the
     * old page's window is gone, and the new page is loaded. Chromedriver may answer with an error
     * while the page changes, so errors are retried.
     */
    static void submit(WebDriver driver, WebElement button) {
        replacePage(driver, button::click);
    }

    /** Replaces the text of a field and submits its form with the button. */
    static void typeAndSubmit(WebDriver driver, By field, String text, By button) {
        WebElement input = driver.findElement(field);
        input.clear();
        input.sendKeys(text);
        submit(driver, driver.findElement(button));
    }

    /**
     * Ticks the rows of a portal list and runs one of its bulk actions on them; answers the shown
     * outcome of each row, by email.
     */
    static Map<String, String> runPortalBulk(WebDriver driver, String action, String... emails) {
        for (String email : emails) {
            driver.findElement(By.cssSelector("#portal-table tr[data-email='" + email + "'] .fa-bulk-select")).click();
        }
        submit(driver, driver.findElement(By.id("bulk-" + action)));
        Map<String, String> outcomes = new LinkedHashMap<>();
        driver.findElements(By.cssSelector("#bulk-done .fa-bulk-outcome")).forEach(item -> outcomes.put(
                item.getAttribute("data-email"), item.getAttribute("data-outcome") + ": " + item.getText()));
        return outcomes;
    }

    /** Whether the page's scripts ran (console.js marks the document). */
    static boolean scripted(WebDriver driver) {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.classList.contains('fa-scripted');"));
    }

    /** Does something that loads another page, and waits until that page has replaced the current one. */
    static void replacePage(WebDriver driver, Runnable action) {
        JavascriptExecutor script = (JavascriptExecutor) driver;
        script.executeScript("window.firmAccessOldPage = true;");
        action.run();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(script.executeScript(
                        "return window.firmAccessOldPage === undefined && document.readyState === 'complete';")));
    }

    /**
     * Loads the current page again until {@code read} shows {@code expected}: what the outbox does
     * after a page was served (a mail going out) shows on a later load.
     */
    static void reloadUntil(WebDriver driver, Supplier<String> read, String expected) {
        Eventually.until(() -> {
            replacePage(driver, () -> driver.get(driver.getCurrentUrl()));
            return read.get();
        }, expected::equals, Duration.ofSeconds(30), expected);
    }

    /** Opens the console, signs in on Keycloak's login page and waits until the console shows its first page. */
    static void signIn(WebDriver driver, String consoleUrl, String username, String password) {
        driver.get(consoleUrl);
        new LoginPage(driver).signIn(username, password);
        awaitConsole(driver);
    }

    /** Back in the console only once the callback has set the session cookie. */
    static void awaitConsole(WebDriver driver) {
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .withMessage(() -> "a console page, but the browser shows " + driver.getCurrentUrl() + " titled '"
                        + driver.getTitle() + "'")
                .until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
    }

    /** Keycloak's own login page of the realm. */
    record LoginPage(WebDriver driver) {
        /** Realms with organizations ask for the username first and the password on a second page. */
        void signIn(String username, String password) {
            // The admin console is a script application: its redirect to the login page comes late.
            new WebDriverWait(driver, Duration.ofSeconds(60))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
            driver.findElement(By.id("username")).sendKeys(username);
            if (driver.findElements(By.id("password")).isEmpty()) {
                driver.findElement(By.id("kc-login")).click();
            }
            new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("password")))
                    .sendKeys(password);
            driver.findElement(By.id("kc-login")).click();
        }
    }

    /** What every console page shares: the title, the sign-out button and the error panel. */
    record Console(WebDriver driver) {
        String title() {
            return driver.findElement(By.id("page-title")).getText();
        }

        boolean showsError() {
            return !driver.findElements(By.id("error-page")).isEmpty();
        }

        /** Signs out and waits for the page after it, so that the next navigation cannot cut the sign-out short. */
        void signOut() {
            submit(driver, driver.findElement(By.id("logout")));
        }

        void open(String section) {
            submit(driver, driver.findElement(By.id("nav-" + section)));
        }
    }

    record StaffPage(WebDriver driver) {
        /** Opens manage access: a modal over the staff page where scripts run, the access page where they do not. */
        AccessPage manageAccessOf(String username) {
            WebElement link = row(username).findElement(By.cssSelector(".fa-manage-access"));
            if (scripted(driver)) {
                link.click();
                new WebDriverWait(driver, Duration.ofSeconds(30))
                        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#fa-modal-body #access-table")));
            } else {
                submit(driver, link);
            }
            return new AccessPage(driver);
        }

        boolean offersManageAccess(String username) {
            return !row(username).findElements(By.cssSelector(".fa-manage-access")).isEmpty();
        }

        /** Flips the switch; where scripts run the flip itself saves, and the page comes back. */
        void switchProgrammaticAccess(String username) {
            replacePage(driver, () -> row(username).findElement(By.cssSelector("label.pf-v5-c-switch")).click());
        }

        /** Picks a role from the row's dropdown; where scripts run the choice itself saves. */
        void changeRole(String username, String role) {
            replacePage(driver, () -> roleSelect(username).selectByValue(role));
        }

        Select roleSelect(String username) {
            return new Select(row(username).findElement(By.cssSelector(".fa-role select")));
        }

        boolean offersRoleChange(String username) {
            return !row(username).findElements(By.cssSelector(".fa-role select")).isEmpty();
        }

        /** The role as the row shows it: the chosen option where it can be changed, the text where it cannot. */
        String role(String username) {
            return offersRoleChange(username) ? roleSelect(username).getFirstSelectedOption().getText()
                    : row(username).findElement(By.cssSelector(".fa-role")).getText();
        }

        List<String> offeredRoles(String username) {
            return roleSelect(username).getOptions().stream().map(WebElement::getText).toList();
        }

        /** The businesses column: a member's count, or the label of those who reach every business. */
        String reach(String username) {
            return row(username).findElement(By.cssSelector(".fa-reach")).getText();
        }

        WebElement row(String username) {
            return driver.findElement(By.cssSelector("#staff-table tr[data-username='" + username + "']"));
        }
    }

    record AccessPage(WebDriver driver) {
        WebElement box(String businessName) {
            return driver.findElement(By.cssSelector("#access-table tr[data-business='" + businessName
                    + "'] input[name='business']"));
        }

        boolean ticked(String businessName) {
            return box(businessName).isSelected();
        }

        /** Ticks or unticks a business's box. */
        void toggle(String businessName) {
            box(businessName).click();
        }

        List<String> tickedBusinesses() {
            return driver.findElements(By.cssSelector("#access-table tr[data-business]")).stream()
                    .filter(row -> row.findElement(By.cssSelector("input[name='business']")).isSelected())
                    .map(row -> row.getAttribute("data-business"))
                    .toList();
        }

        void selectAllShown() {
            driver.findElement(By.id("select-page")).click();
        }

        void deselectAllShown() {
            driver.findElement(By.id("deselect-page")).click();
        }

        /** Saves; in the modal the answer replaces the dialog's list (or shows the refusal over it). */
        void save() {
            WebElement button = driver.findElement(By.id("save-access"));
            if (!new Modal(driver).open()) {
                submit(driver, button);
                return;
            }
            WebElement table = driver.findElement(By.id("access-table"));
            button.click();
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> refusal().isPresent()
                    || ExpectedConditions.stalenessOf(table).apply(d));
        }

        /** After a save: closes the modal, and the staff page comes back loaded again (where no modal, nothing to do). */
        void closeSaved() {
            Modal modal = new Modal(driver);
            if (modal.open()) {
                replacePage(driver, modal::escape);
            }
        }

        /** The page's title, or the modal's where manage access opened as one. */
        String title() {
            Modal modal = new Modal(driver);
            return modal.open() ? modal.title() : new Console(driver).title();
        }

        /** The refusal shown in the modal after a save the server refused. */
        Optional<String> refusal() {
            return driver.findElements(By.cssSelector("#fa-modal-body #error-page")).stream()
                    .map(WebElement::getText).findFirst();
        }

        String levelOf(String businessName) {
            return driver.findElement(By.cssSelector("#access-table tr[data-business='" + businessName + "'] .fa-level"))
                    .getText();
        }
    }

    record BusinessesPage(WebDriver driver) {
        BusinessPortalPage portalUsersOf(String businessName) {
            submit(driver, driver.findElement(
                    By.cssSelector("#business-table tr[data-business='" + businessName + "'] .fa-portal-users")));
            return new BusinessPortalPage(driver);
        }

        void select(String businessName) {
            driver.findElement(By.cssSelector("#business-table tr[data-business='" + businessName
                    + "'] input[name='business']")).click();
        }

        /** Chooses whom to share the selected businesses with (visible names) and at which level. */
        void chooseSharing(List<String> people, List<String> teams, String level) {
            Select peoplePicker = new Select(driver.findElement(By.id("share-people")));
            people.forEach(peoplePicker::selectByVisibleText);
            Select teamPicker = new Select(driver.findElement(By.id("share-teams")));
            teams.forEach(teamPicker::selectByVisibleText);
            new Select(driver.findElement(By.id("bulk-share-level"))).selectByValue(level);
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'end'});",
                    driver.findElement(By.id("bulk-share")));
        }

        void share() {
            submit(driver, driver.findElement(By.id("bulk-share-button")));
        }

        WebElement nameCell(String businessName) {
            return driver.findElements(By.cssSelector("#business-table .fa-business-name")).stream()
                    .filter(cell -> cell.getText().equals(businessName))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No business named " + businessName));
        }
    }

    record MyBusinessesPage(WebDriver driver) {
        boolean offersCreation() {
            return !driver.findElements(By.id("create-business")).isEmpty();
        }

        void create(String name) {
            driver.findElement(By.id("business-name")).sendKeys(name);
            submit(driver, driver.findElement(By.id("create-business-button")));
        }

        List<String> names() {
            return driver.findElements(By.cssSelector("#my-businesses .fa-business-name")).stream()
                    .map(WebElement::getText)
                    .toList();
        }
    }

    record InvitationsPage(WebDriver driver) implements RowPerEmail {
        @Override
        public String tableId() {
            return "invitation-table";
        }

        void invite(String people, String role) {
            driver.findElement(By.id("invite-people")).sendKeys(people);
            new Select(driver.findElement(By.id("invite-role"))).selectByValue(role);
            submit(driver, driver.findElement(By.id("invite")));
        }

        List<String> offeredRoles() {
            return new Select(driver.findElement(By.id("invite-role"))).getOptions().stream()
                    .map(option -> option.getAttribute("value"))
                    .toList();
        }

        String delivery(String email) {
            return row(email).findElement(By.cssSelector(".fa-badge")).getText();
        }

        WebElement resendButton(String email) {
            return row(email).findElement(By.cssSelector(".fa-resend"));
        }

        WebElement cooldownTime(String email) {
            return row(email).findElement(By.cssSelector(".fa-cooldown time"));
        }

        /**
         * Presses "Copy link" in the invitation's row; the answer page shows the link, which the Copy
         * button copies and then says so in the page's language.
         */
        String copyLink(String email) {
            submit(driver, row(email).findElement(By.cssSelector(".fa-copy-link")));
            WebElement copy = driver.findElement(By.cssSelector("#invitation-link [data-copy]"));
            String copied = copy.getAttribute("data-copied");
            copy.click();
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> copy.getText().equals(copied));
            return driver.findElement(By.id("invitation-link-url")).getAttribute("value");
        }

        void cancel(String email) {
            confirm(driver, row(email));
        }
    }

    /** A page whose table has a row per person, marked with the person's email. */
    interface RowPerEmail {
        WebDriver driver();

        String tableId();

        default WebElement row(String email) {
            return driver().findElement(By.cssSelector("#" + tableId() + " tr[data-email='" + email + "']"));
        }

        default String cooldown(String email) {
            return row(email).findElement(By.cssSelector(".fa-cooldown")).getText();
        }

        default List<String> emails() {
            return driver().findElements(By.cssSelector("#" + tableId() + " tr[data-email]")).stream()
                    .map(row -> row.getAttribute("data-email"))
                    .toList();
        }
    }

    /** Asks for a row's destructive action and confirms it. */
    static void confirm(WebDriver driver, WebElement row) {
        confirmWith(driver, row.findElement(By.cssSelector("details.fa-confirm summary")));
    }

    /**
     * Presses a destructive action's button and confirms: in the modal dialog where scripts run,
     * in the details it opens where they do not.
     */
    static void confirmWith(WebDriver driver, WebElement summary) {
        summary.click();
        List<WebElement> modal = driver.findElements(By.id("fa-modal-confirm"));
        submit(driver, modal.isEmpty()
                ? summary.findElement(By.xpath("..")).findElement(By.cssSelector("button[type='submit']"))
                : modal.get(0));
    }

    /** The modal dialog open over the page, with its title, body and buttons. */
    record Modal(WebDriver driver) {
        static final By DIALOG = By.cssSelector("#fa-modal-body");

        boolean open() {
            return !driver.findElements(DIALOG).isEmpty();
        }

        String title() {
            return driver.findElement(By.id("fa-modal-title")).getText();
        }

        String body() {
            return driver.findElement(DIALOG).getText();
        }

        String focusedId() {
            return driver.switchTo().activeElement().getAttribute("id");
        }

        /** Closes the dialog with the Escape key, where the focus is. */
        void escape() {
            driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !open());
        }
    }

    record TeamsPage(WebDriver driver) {
        TeamPage create(String name) {
            driver.findElement(By.id("team-name")).sendKeys(name);
            submit(driver, driver.findElement(By.id("create-team-button")));
            return new TeamPage(driver);
        }

        /** Searches with the page's search form, as typed. */
        void search(String text) {
            typeAndSubmit(driver, By.cssSelector("form[role='search'] input[name='search']"), text,
                    By.cssSelector("form[role='search'] button[type='submit']"));
        }

        List<String> names() {
            return driver.findElements(By.cssSelector("#team-table tbody a")).stream().map(WebElement::getText).toList();
        }

        TeamPage open(String name) {
            submit(driver, driver.findElement(By.cssSelector("#team-table tbody")).findElement(By.linkText(name)));
            return new TeamPage(driver);
        }
    }

    record TeamPage(WebDriver driver) {
        void rename(String name) {
            typeAndSubmit(driver, By.id("rename-team-name"), name, By.id("rename-team-button"));
        }

        /** Deletes the team, confirming; the Teams page follows. */
        TeamsPage delete() {
            confirmWith(driver, driver.findElement(By.cssSelector("#delete-team summary")));
            return new TeamsPage(driver);
        }

        void add(String username) {
            new Select(driver.findElement(By.id("add-member-user"))).selectByVisibleText(username);
            submit(driver, driver.findElement(By.id("add-member-button")));
        }

        List<String> members() {
            return driver.findElements(By.cssSelector("#team-members .fa-member-name")).stream()
                    .map(WebElement::getText)
                    .toList();
        }

        void share(String businessName, String level) {
            new Select(driver.findElement(By.id("share-business"))).selectByVisibleText(businessName);
            new Select(driver.findElement(By.id("share-level"))).selectByValue(level);
            submit(driver, driver.findElement(By.cssSelector("#share-with-team button[type='submit']")));
        }

        void unshare(String businessName) {
            submit(driver, driver.findElement(By.cssSelector("#team-grants tr[data-business='" + businessName
                    + "'] button[type='submit']")));
        }

        List<String> sharedBusinesses() {
            return driver.findElements(By.cssSelector("#team-grants tr[data-business]")).stream()
                    .map(row -> row.getAttribute("data-business"))
                    .toList();
        }
    }

    record AuditPage(WebDriver driver) {
        void filterByAction(String action) {
            typeAndSubmit(driver, By.id("filter-action"), action, By.id("apply-filter"));
        }

        List<String> actions() {
            return driver.findElements(By.cssSelector("#audit-table .fa-audit-action")).stream()
                    .map(WebElement::getText)
                    .toList();
        }
    }

    record KeysPage(WebDriver driver) {
        /** Creates a key and answers its text, shown on the answer page only. */
        String create(String name) {
            driver.findElement(By.id("key-name")).sendKeys(name);
            submit(driver, driver.findElement(By.id("create-key-button")));
            return driver.findElement(By.id("created-key-text")).getAttribute("value");
        }

        List<String> names() {
            return driver.findElements(By.cssSelector("#key-table tr[data-key]")).stream()
                    .map(row -> row.getAttribute("data-key"))
                    .toList();
        }

        void revoke(String name) {
            confirm(driver, driver.findElement(By.cssSelector("#key-table tr[data-key='" + name + "']")));
        }
    }

    /** The "Firm Access" tab of Realm settings in Keycloak's admin console (a React application). */
    record AdminSettingsTab(WebDriver driver) {
        void open() {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            WebElement tab = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//*[@role='tab'][normalize-space(.)='Firm Access']")));
            // The tab bar is wider than the window: a person scrolls it with its arrow button until the tab is free.
            // The bar may still be laid out again while the realm loads, so this retries until the tab is free.
            new WebDriverWait(driver, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(500))
                    .ignoring(WebDriverException.class)
                    .until(d -> {
                        if (clickable(tab)) {
                            return true;
                        }
                        d.findElement(By.cssSelector("button[aria-label='Scroll forward']")).click();
                        return false;
                    });
            tab.click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(field("resendCooldownMinutes")));
        }

        /** Whether a click at the element's centre reaches the element itself, not something drawn over it. */
        private boolean clickable(WebElement element) {
            return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                    "var r = arguments[0].getBoundingClientRect();"
                            + "var hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                            + "return hit !== null && arguments[0].contains(hit);", element));
        }

        String value(String name) {
            return driver.findElement(field(name)).getAttribute("value");
        }

        /** Replaces a field's text the way a person does, so React's form state sees the change. */
        void change(String name, String value) {
            WebElement input = driver.findElement(field(name));
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            input.sendKeys(value);
        }

        void save() {
            driver.findElements(By.cssSelector("button[data-testid='save']")).stream()
                    .filter(WebElement::isDisplayed)
                    .findFirst()
                    .orElseThrow()
                    .click();
        }

        String errorAlert() {
            return new WebDriverWait(driver, Duration.ofSeconds(20))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[class*='alert'][class*='danger']")))
                    .getText();
        }

        private static By field(String name) {
            return By.cssSelector("[name='config." + name + "']");
        }
    }

    /**
     * The sign-up form behind an invitation link or the link in the activation email, for a new
     * address: names and password.
     */
    record RegisterPage(WebDriver driver) {
        void register(String firstName, String lastName, String password) {
            WebElement form = new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("fa-register")));
            form.findElement(By.id("firstName")).sendKeys(firstName);
            form.findElement(By.id("lastName")).sendKeys(lastName);
            form.findElement(By.id("password")).sendKeys(password);
            form.findElement(By.id("password-confirm")).sendKeys(password);
            submit(driver, form.findElement(By.cssSelector("button[type='submit']")));
        }
    }

    /** One business's portal users: the invite and add forms and a row per person. */
    record BusinessPortalPage(WebDriver driver) implements RowPerEmail {
        @Override
        public String tableId() {
            return "portal-table";
        }

        void invite(String people, String role, String message, boolean sendNow) {
            driver.findElement(By.id("portal-people")).sendKeys(people);
            new Select(driver.findElement(By.id("portal-role"))).selectByValue(role);
            if (message != null) {
                driver.findElement(By.id("portal-message")).sendKeys(message);
            }
            WebElement send = driver.findElement(By.id("portal-send"));
            if (send.isSelected() != sendNow) {
                send.click();
            }
            submit(driver, driver.findElement(By.id("portal-invite")));
        }

        void inviteAllOwners() {
            submit(driver, driver.findElement(By.id("invite-owners")));
        }

        List<String> addable() {
            return new Select(driver.findElement(By.id("add-user"))).getOptions().stream()
                    .map(WebElement::getText)
                    .toList();
        }

        void add(String label) {
            new Select(driver.findElement(By.id("add-user"))).selectByVisibleText(label);
            submit(driver, driver.findElement(By.id("portal-add")));
        }

        String status(String email) {
            return row(email).findElement(By.cssSelector(".fa-portal-status")).getAttribute("data-status");
        }

        String delivery(String email) {
            return row(email).findElement(By.cssSelector(".fa-delivery")).getText();
        }

        String name(String email) {
            return row(email).findElement(By.cssSelector(".fa-portal-name")).getText();
        }

        WebElement sendButton(String email) {
            return row(email).findElement(By.cssSelector(".fa-send"));
        }

        /** Asks for the activation link and answers it, as shown in the read-only field of the answer page. */
        String copyLink(String email) {
            submit(driver, row(email).findElement(By.cssSelector(".fa-copy-link")));
            return driver.findElement(By.id("activation-link-url")).getAttribute("value");
        }

        void remove(String email) {
            confirmWith(driver, row(email).findElement(By.cssSelector("summary.fa-remove")));
        }
    }

    /** The firm-wide list of portal users. */
    record PortalUsersPage(WebDriver driver) {
        void filter(String businessName, String status) {
            new Select(driver.findElement(By.id("filter-business"))).selectByVisibleText(businessName);
            new Select(driver.findElement(By.id("filter-status"))).selectByValue(status);
            submit(driver, driver.findElement(By.id("apply-filter")));
        }

        List<String> businessChoices() {
            return new Select(driver.findElement(By.id("filter-business"))).getOptions().stream()
                    .map(WebElement::getText)
                    .toList();
        }

        List<String> rows() {
            return driver.findElements(By.cssSelector("#portal-table tr[data-email]")).stream()
                    .map(row -> row.getAttribute("data-business") + " " + row.getAttribute("data-email") + " "
                            + row.findElement(By.cssSelector(".fa-portal-status")).getAttribute("data-status"))
                    .toList();
        }

        /** Uploads a CSV file through the file input of the import form. */
        void importFile(Path csv) {
            driver.findElement(By.id("portal-import-file")).sendKeys(csv.toAbsolutePath().toString());
            submit(driver, driver.findElement(By.id("portal-import")));
        }

        /** Pastes CSV text into the import form and submits it. */
        void importText(String csv) {
            WebElement text = driver.findElement(By.id("portal-import-text"));
            text.clear();
            ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", text, csv);
            submit(driver, driver.findElement(By.id("portal-import")));
        }

        /** The refused import's rows, each as "row: message". */
        List<String> importErrors() {
            return driver.findElements(By.cssSelector("#import-errors tr[data-row]")).stream()
                    .map(row -> row.getAttribute("data-row") + ": "
                            + row.findElement(By.cssSelector(".fa-import-problem")).getText())
                    .toList();
        }

        String importRefusal() {
            return driver.findElement(By.id("import-refusal")).getText();
        }

        String importDone() {
            return driver.findElement(By.id("import-done")).getText();
        }

        /** The progress bar of an import that runs after its upload, as "value/max". */
        String importProgress() {
            WebElement bar = driver.findElement(By.id("import-progress"));
            return bar.getAttribute("value") + "/" + bar.getAttribute("max");
        }

        /** Waits, with a bound, until the import's page shows the import finished, without leaving the page. */
        String awaitImportFinished(Duration timeout) {
            new WebDriverWait(driver, timeout).until(done -> !List.of("queued", "checking", "importing")
                    .contains(done.findElement(By.id("import-status")).getAttribute("data-state")));
            return driver.findElement(By.id("import-status")).getAttribute("data-state");
        }

        String exportUrl() {
            return driver.findElement(By.id("portal-export")).getAttribute("href");
        }
    }

    /** "My workspaces", the portal users' landing page. */
    record WorkspacesPage(WebDriver driver) {
        List<String> businesses() {
            return driver.findElements(By.cssSelector("#my-workspaces .fa-workspace-name")).stream()
                    .map(WebElement::getText)
                    .toList();
        }

        boolean showsNone() {
            return !driver.findElements(By.id("no-workspaces")).isEmpty();
        }
    }
}
