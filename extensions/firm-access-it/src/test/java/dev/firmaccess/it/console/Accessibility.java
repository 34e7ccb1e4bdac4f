package dev.firmaccess.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + "): "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget()))
                        .collect(Collectors.joining(", "));
    }
}
