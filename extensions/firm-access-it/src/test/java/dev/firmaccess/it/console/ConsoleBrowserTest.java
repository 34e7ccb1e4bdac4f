package dev.firmaccess.it.console;

import dev.firmaccess.it.support.OwnRealmTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A console test in a realm of its own whose every test drives a fresh headless browser, so no
 * test sees another's session cookies.
 */
abstract class ConsoleBrowserTest extends OwnRealmTest {

    protected Browser browser;

    ConsoleBrowserTest(String realmPrefix) {
        super(realmPrefix);
    }

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }
}
