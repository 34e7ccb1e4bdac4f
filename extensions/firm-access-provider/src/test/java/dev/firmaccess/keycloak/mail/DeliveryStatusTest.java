package dev.firmaccess.keycloak.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryStatusTest {

    @Test
    void anEarlierEventArrivingLateDoesNotMoveTheStatusBack() {
        assertThat(DeliveryStatus.OPENED.after(DeliveryStatus.DELIVERED)).isEqualTo(DeliveryStatus.OPENED);
    }

    @Test
    void aBounceAfterDeliveryWins() {
        assertThat(DeliveryStatus.DELIVERED.after(DeliveryStatus.BOUNCED)).isEqualTo(DeliveryStatus.BOUNCED);
        assertThat(DeliveryStatus.BOUNCED.liftsCooldown()).isTrue();
        assertThat(DeliveryStatus.SPAM_REPORTED.liftsCooldown()).isTrue();
        assertThat(DeliveryStatus.OPENED.liftsCooldown()).isFalse();
    }

    @Test
    void onlyProviderEventsMayBePosted() {
        assertThat(DeliveryStatus.parse("sent").orElseThrow().isProviderEvent()).isFalse();
        assertThat(DeliveryStatus.parse("spam_reported").orElseThrow().isProviderEvent()).isTrue();
        assertThat(DeliveryStatus.parse("SENT")).isEmpty();
    }
}
