package dev.firmaccess.keycloak.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.Config;

class LimitsTest {

    private static final String PREFIX = "limits-test.";

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
    void aLimitBelowOneStopsTheStartWithTheOptionNamed() {
        System.setProperty(PREFIX + "max-keys-per-member", "0");

        assertThatThrownBy(() -> Limits.from(new Config.SystemPropertiesScope(PREFIX)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-keys-per-member");
    }
}
