package dev.firmaccess.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core's accessibility rules (WCAG 2 A and AA, and axe's best practices) run on the page the
 * browser shows now. A page passes when no violation is serious or critical; the message lists
 * each such rule with the elements that break it, so a failure says what to fix.
 */
public final class Accessibility {

    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    private Accessibility() {
    }

    /** Fails when the current page has a serious or critical accessibility violation. */
    public static void assertNoSeriousViolations(WebDriver driver) {
        Results results = new AxeBuilder().analyze(driver);
        assertThat(results.getErrorMessage()).as("axe-core ran on " + driver.getCurrentUrl()).isNull();
        List<Rule> blocking = results.getViolations().stream()
                .filter(rule -> BLOCKING.contains(rule.getImpact()))
                .toList();
        assertThat(blocking)
                .as(() -> "serious or critical accessibility violations on " + driver.getCurrentUrl() + ":\n"
                        + blocking.stream().map(Accessibility::describe).collect(Collectors.joining("\n")))
                .isEmpty();
    }

    /**
     * Fails when a shown column header is cut (its text wider than its cell, or ellipsized, as
     * PatternFly's table head does by default: "Programm…"), or when the page itself scrolls
     * sideways instead of a wide table scrolling within its own area.
     */
    public static void assertHeadersWholeAndNoSidewaysPage(WebDriver driver) {
        @SuppressWarnings("unchecked")
        List<String> cut = (List<String>) ((JavascriptExecutor) driver).executeScript("""
                var cut = [];
                document.querySelectorAll("th").forEach(function (th) {
                  if (th.getClientRects().length === 0) {
                    return;
                  }
                  [th].concat(Array.prototype.slice.call(th.querySelectorAll("*"))).forEach(function (element) {
                    if (element.getClientRects().length && element.scrollWidth > element.clientWidth + 1
                        && getComputedStyle(element).overflowX !== "visible") {
                      cut.push(th.textContent.trim());
                    }
                  });
                });
                if (document.documentElement.scrollWidth > window.innerWidth + 1) {
                  cut.push("the page is " + document.documentElement.scrollWidth + " px wide in a "
                      + window.innerWidth + " px window");
                }
                return cut;""");
        assertThat(cut).as("cut column headers on %s", driver.getCurrentUrl()).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + "): "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget()))
                        .collect(Collectors.joining(", "));
    }
}
