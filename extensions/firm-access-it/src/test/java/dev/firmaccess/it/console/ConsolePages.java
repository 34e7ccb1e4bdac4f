package dev.firmaccess.it.console;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page objects of the Keycloak login page and the firm console. */
final class ConsolePages {

    private ConsolePages() {
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

        void signOut() {
            driver.findElement(By.id("logout")).click();
        }
    }

    record StaffPage(WebDriver driver) {
        AccessPage manageAccessOf(String username) {
            row(username).findElement(By.linkText("Manage access")).click();
            return new AccessPage(driver);
        }

        WebElement row(String username) {
            return driver.findElement(By.cssSelector("#staff-table tr[data-username='" + username + "']"));
        }
    }

    record AccessPage(WebDriver driver) {
        void select(String businessName) {
            driver.findElement(By.cssSelector("#access-table tr[data-business='" + businessName + "'] input[name='business']"))
                    .click();
        }

        void assignSelected() {
            driver.findElement(By.id("assign-selected")).click();
        }

        String levelOf(String businessName) {
            return driver.findElement(By.cssSelector("#access-table tr[data-business='" + businessName + "'] .fa-level"))
                    .getText();
        }
    }

    record BusinessesPage(WebDriver driver) {
        WebElement nameCell(String businessName) {
            return driver.findElements(By.cssSelector("#business-table .fa-business-name")).stream()
                    .filter(cell -> cell.getText().equals(businessName))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No business named " + businessName));
        }
    }

    record MyBusinessesPage(WebDriver driver) {
        List<String> names() {
            return driver.findElements(By.cssSelector("#my-businesses .fa-business-name")).stream()
                    .map(WebElement::getText)
                    .toList();
        }
    }
}
