package dev.firmaccess.keycloak.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboxRetryTest {

    private static final int AN_HOUR = 3600;

    @Test
    void theFirstRetryWaitsTheConfiguredTimeAndEachFurtherFailureDoublesIt() {
        assertThat(OutboxWorker.retryDelayMillis(1, 30, AN_HOUR)).isEqualTo(30_000);
        assertThat(OutboxWorker.retryDelayMillis(2, 30, AN_HOUR)).isEqualTo(60_000);
        assertThat(OutboxWorker.retryDelayMillis(3, 30, AN_HOUR)).isEqualTo(120_000);
        assertThat(OutboxWorker.retryDelayMillis(7, 30, AN_HOUR)).isEqualTo(30_000L * 64);
    }

    @Test
    void noWaitIsLongerThanTheLongestRetryWait() {
        assertThat(OutboxWorker.retryDelayMillis(8, 30, AN_HOUR)).isEqualTo(3_600_000);
        assertThat(OutboxWorker.retryDelayMillis(9, 30, AN_HOUR)).isEqualTo(3_600_000);
        assertThat(OutboxWorker.retryDelayMillis(3, 1, 2)).isEqualTo(2_000);
    }

    @Test
    void aMessageThatFailedWhileItsReceiverWasDownForDaysIsRetriedWithinTheLongestWait() {
        assertThat(OutboxWorker.retryDelayMillis(500, 30, AN_HOUR)).isEqualTo(3_600_000);
    }

    @Test
    void anOperatorsHugeAttemptLimitAndLongestWaitDoNotOverflowTheWait() {
        assertThat(OutboxWorker.retryDelayMillis(1_000, 30, Integer.MAX_VALUE)).isEqualTo(30_000L << 20);
    }
}
