package dev.firmaccess.keycloak.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboxRetryTest {

    @Test
    void theFirstRetryWaitsTheConfiguredTimeAndEachFurtherFailureDoublesIt() {
        assertThat(OutboxWorker.retryDelayMillis(1, 30)).isEqualTo(30_000);
        assertThat(OutboxWorker.retryDelayMillis(2, 30)).isEqualTo(60_000);
        assertThat(OutboxWorker.retryDelayMillis(3, 30)).isEqualTo(120_000);
        assertThat(OutboxWorker.retryDelayMillis(9, 30)).isEqualTo(30_000L * 256);
    }

    @Test
    void anOperatorsHugeAttemptLimitDoesNotOverflowTheWait() {
        assertThat(OutboxWorker.retryDelayMillis(1_000, 30)).isEqualTo(30_000L << 20).isPositive();
    }
}
