package dev.firmaccess.it.console;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The accessibility check itself: it must fail on a page that a screen reader cannot use. */
@Tag("browser")
class AccessibilityIT extends OneBrowserPerTest {

    @Test
    void aTextFieldWithoutALabelFailsTheCheckAndNamesTheRule() {
        browser.driver().get("data:text/html,<!DOCTYPE html><html lang='en'><head><title>Form</title></head>"
                + "<body><main><input type='text' id='nameless'></main></body></html>");

        assertThatThrownBy(() -> Accessibility.assertNoSeriousViolations(browser.driver()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("critical label")
                .hasMessageContaining("#nameless");
    }
}
