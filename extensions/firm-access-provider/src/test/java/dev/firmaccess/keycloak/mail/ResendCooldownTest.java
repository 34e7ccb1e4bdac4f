package dev.firmaccess.keycloak.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.keycloak.core.FirmAccessException;
import org.junit.jupiter.api.Test;

class ResendCooldownTest {

    @Test
    void aRecentSendBlocksUntilTheCooldownEnds() {
        assertThat(ResendCooldown.allowedAt(0L, false, 10, 60_000)).hasValue(600_000);
    }

    @Test
    void afterTheCooldownAResendIsAllowed() {
        assertThat(ResendCooldown.allowedAt(0L, false, 10, 600_000)).isEmpty();
    }

    @Test
    void aBounceLiftsTheCooldown() {
        assertThat(ResendCooldown.allowedAt(0L, true, 10, 1)).isEmpty();
    }

    @Test
    void anInvitationNeverSentCanBeSentAtOnce() {
        assertThat(ResendCooldown.allowedAt(null, false, 10, 1)).isEmpty();
    }

    @Test
    void aResendTooSoonIsRefusedWithTheWholeSecondsLeft() {
        FirmAccessException refusal = ResendCooldown.tooSoon("invitation", 1_001);

        assertThat(refusal.kind()).isEqualTo(FirmAccessException.Kind.TOO_MANY);
        assertThat(refusal.retryAfterSeconds()).hasValue(2);
        assertThat(refusal.description()).isEqualTo("This invitation was sent recently; it can be resent in 2 seconds");
    }
}
