package dev.firmaccess.keycloak.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.Config;

class LimitsTest {

    private static final String PREFIX = "limits-test.";
    private static final Path SECURITY_DOC = Path.of("../../docs/security.md");
    /** A row of the limits table: {@code | what | default | `option` | over it |}. */
    private static final Pattern DOC_ROW = Pattern.compile("\\| ([\\d,]+) \\| `([a-z-]+)` \\|");

    @AfterEach
    void clearOptions() {
        Limits.DEFAULTS.keySet().forEach(option -> System.clearProperty(PREFIX + option));
    }

    @Test
    void withoutOptionsEveryLimitHasItsDocumentedDefault() {
        Limits limits = Limits.from(new Config.SystemPropertiesScope(PREFIX));

        assertThat(limits).isEqualTo(Limits.defaultLimits());
        assertThat(limits.pageSize()).isEqualTo(1000);
        assertThat(limits.batchSize()).isEqualTo(1000);
        assertThat(limits.invitees()).isEqualTo(100);
        assertThat(limits.bodyChars()).isEqualTo(2_000_000);
    }

    @Test
    void theSecurityPageListsEveryOptionWithItsDefault() throws IOException {
        Map<String, Integer> documented = new HashMap<>();
        Matcher row = DOC_ROW.matcher(Files.readString(SECURITY_DOC));
        while (row.find()) {
            documented.put(row.group(2), Integer.valueOf(row.group(1).replace(",", "")));
        }

        assertThat(documented).containsExactlyInAnyOrderEntriesOf(Limits.DEFAULTS);
    }

    @Test
    void anOptionReplacesItsDefaultAndLeavesTheOthers() {
        System.setProperty(PREFIX + "max-evaluations-per-batch", "250");
        System.setProperty(PREFIX + "max-csv-rows", "10");

        Limits limits = Limits.from(new Config.SystemPropertiesScope(PREFIX));

        assertThat(limits.batchSize()).isEqualTo(250);
        assertThat(limits.csvRows()).isEqualTo(10);
        assertThat(limits.searchPageSize()).isEqualTo(1000);
    }

    @Test
    void aWebhookIdLongerThanItsStoredLengthStopsTheStartWithTheOptionNamed() {
        System.setProperty(PREFIX + "max-webhook-id-chars", "256");

        assertThatThrownBy(() -> Limits.from(new Config.SystemPropertiesScope(PREFIX)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-webhook-id-chars").hasMessageContaining("255");
    }

    @Test
    void theWebhookToleranceIsAnOption() {
        System.setProperty(PREFIX + "webhook-timestamp-tolerance", "60");

        assertThat(Limits.from(new Config.SystemPropertiesScope(PREFIX)).webhookToleranceSeconds()).isEqualTo(60);
        assertThat(Limits.defaultLimits().webhookToleranceSeconds()).isEqualTo(300);
    }

    @Test
    void theLongestOutboxRetryWaitIsAnHourUnlessSetOtherwise() {
        assertThat(Limits.defaultLimits().outboxMaxRetrySeconds()).isEqualTo(3600);

        System.setProperty(PREFIX + "outbox-max-retry-seconds", "600");

        assertThat(Limits.from(new Config.SystemPropertiesScope(PREFIX)).outboxMaxRetrySeconds()).isEqualTo(600);
    }

    @Test
    void aLongestOutboxRetryWaitShorterThanTheFirstStopsTheStartWithBothOptionsNamed() {
        System.setProperty(PREFIX + "outbox-retry-seconds", "60");
        System.setProperty(PREFIX + "outbox-max-retry-seconds", "59");

        assertThatThrownBy(() -> Limits.from(new Config.SystemPropertiesScope(PREFIX)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outbox-max-retry-seconds").hasMessageContaining("outbox-retry-seconds")
                .hasMessageContaining("60").hasMessageContaining("59");
    }

    @ParameterizedTest
    @MethodSource("options")
    void aLimitBelowOneStopsTheStartWithTheOptionNamed(String option) {
        System.setProperty(PREFIX + option, "0");

        assertThatThrownBy(() -> Limits.from(new Config.SystemPropertiesScope(PREFIX)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + option + "'").hasMessageContaining("1 or more");
    }

    static Stream<String> options() {
        return Limits.DEFAULTS.keySet().stream();
    }
}
