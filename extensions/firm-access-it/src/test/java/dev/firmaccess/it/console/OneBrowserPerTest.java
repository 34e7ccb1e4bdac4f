package dev.firmaccess.it.console;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Browser tests that each start in a fresh browser (no cookies, no session), closed after the test. */
abstract class OneBrowserPerTest {

    protected Browser browser;

    /** The language the browser asks pages for. */
    protected String language() {
        return "en";
    }

    @BeforeEach
    void openBrowser() {
        browser = new Browser(language());
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }
}
