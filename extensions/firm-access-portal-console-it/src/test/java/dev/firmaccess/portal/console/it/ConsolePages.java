package dev.firmaccess.portal.console.it;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page objects of the Keycloak login page, the activation page and the console's portal pages. */
final class ConsolePages {

    private ConsolePages() {
    }

    /**
     * Clicks a submit button or link and waits until the answer has replaced the page: a mark left on the
     * old page's window is gone, and the new page is loaded. Chromedriver may answer with an error
     * while the page changes, so errors are retried.
     */
    static void clickAndWait(WebDriver driver, WebElement button) {
        replacePage(driver, button::click);
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

    /** Opens a console page, signs in on Keycloak's login page and waits until the console shows a page. */
    static void signIn(WebDriver driver, String consoleUrl, String username, String password) {
        driver.get(consoleUrl);
        new LoginPage(driver).signIn(username, password);
        awaitConsole(driver);
    }

    /** Back in the console only once the callback has set the session cookie. */
    static void awaitConsole(WebDriver driver) {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
    }

    /** Keycloak's own login page of the realm. */
    record LoginPage(WebDriver driver) {
        /** Realms with organizations ask for the username first and the password on a second page. */
        void signIn(String username, String password) {
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

    /** The page behind the link in the activation email, for a new address: names and password. */
    record ActivationPage(WebDriver driver) {
        void register(String firstName, String lastName, String password) {
            WebElement form = new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("fa-register")));
            form.findElement(By.id("firstName")).sendKeys(firstName);
            form.findElement(By.id("lastName")).sendKeys(lastName);
            form.findElement(By.id("password")).sendKeys(password);
            form.findElement(By.id("password-confirm")).sendKeys(password);
            clickAndWait(driver, form.findElement(By.cssSelector("button[type='submit']")));
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

        void open(String section) {
            clickAndWait(driver, driver.findElement(By.id("nav-" + section)));
        }
    }

    record BusinessesPage(WebDriver driver) {
        BusinessPortalPage portalUsersOf(String businessName) {
            clickAndWait(driver, driver.findElement(
                    By.cssSelector("#business-table tr[data-business='" + businessName + "'] .fa-portal-users")));
            return new BusinessPortalPage(driver);
        }
    }

    /** One business's portal users: the invite and add forms and a row per person. */
    record BusinessPortalPage(WebDriver driver) {
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
            clickAndWait(driver, driver.findElement(By.id("portal-invite")));
        }

        void inviteAllOwners() {
            clickAndWait(driver, driver.findElement(By.id("invite-owners")));
        }

        List<String> addable() {
            return new Select(driver.findElement(By.id("add-user"))).getOptions().stream()
                    .map(WebElement::getText)
                    .toList();
        }

        void add(String label) {
            new Select(driver.findElement(By.id("add-user"))).selectByVisibleText(label);
            clickAndWait(driver, driver.findElement(By.id("portal-add")));
        }

        List<String> emails() {
            return driver.findElements(By.cssSelector("#portal-table tr[data-email]")).stream()
                    .map(row -> row.getAttribute("data-email"))
                    .toList();
        }

        WebElement row(String email) {
            return driver.findElement(By.cssSelector("#portal-table tr[data-email='" + email + "']"));
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

        String cooldown(String email) {
            return row(email).findElement(By.cssSelector(".fa-cooldown")).getText();
        }

        /** Asks for the activation link and answers it, as shown in the read-only field of the answer page. */
        String copyLink(String email) {
            clickAndWait(driver, row(email).findElement(By.cssSelector(".fa-copy-link")));
            return driver.findElement(By.id("activation-link-url")).getAttribute("value");
        }

        void remove(String email) {
            row(email).findElement(By.cssSelector("summary.fa-remove")).click();
            clickAndWait(driver, row(email).findElement(By.cssSelector(".fa-remove-confirm")));
        }
    }

    /** The firm-wide list of portal users. */
    record PortalUsersPage(WebDriver driver) {
        void filter(String businessName, String status) {
            new Select(driver.findElement(By.id("filter-business"))).selectByVisibleText(businessName);
            new Select(driver.findElement(By.id("filter-status"))).selectByValue(status);
            clickAndWait(driver, driver.findElement(By.id("apply-filter")));
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
