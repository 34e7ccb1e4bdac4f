package dev.firmaccess.keycloak.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PortalStatusTest {

    @Nested
    class GivenAPendingMembership {
        @Test
        void pastItsLinkExpiryItIsExpiredAndCannotBeActivated() {
            assertThat(PortalStatus.wireName(PortalStatus.PENDING, 1_000L, 1_000)).isEqualTo("expired");
            assertThat(PortalStatus.activatable(PortalStatus.PENDING, 1_000L, 1_000)).isFalse();
        }

        @Test
        void beforeItsLinkExpiryItIsPendingAndCanBeActivated() {
            assertThat(PortalStatus.wireName(PortalStatus.PENDING, 1_000L, 999)).isEqualTo("pending");
            assertThat(PortalStatus.activatable(PortalStatus.PENDING, 1_000L, 999)).isTrue();
        }

        @Test
        void preProvisionedWithoutALinkItStaysPendingForeverButNothingActivatesIt() {
            assertThat(PortalStatus.wireName(PortalStatus.PENDING, null, Long.MAX_VALUE)).isEqualTo("pending");
            assertThat(PortalStatus.activatable(PortalStatus.PENDING, null, 0)).isFalse();
        }
    }

    @Test
    void activeAndCancelledStaySoWhateverTheTime() {
        assertThat(PortalStatus.wireName(PortalStatus.ACTIVE, 1_000L, 5_000)).isEqualTo("active");
        assertThat(PortalStatus.wireName(PortalStatus.CANCELLED, 1_000L, 5_000)).isEqualTo("cancelled");
        assertThat(PortalStatus.activatable(PortalStatus.CANCELLED, 9_000L, 0)).isFalse();
        assertThat(PortalStatus.activatable(PortalStatus.ACTIVE, 9_000L, 0)).isFalse();
    }
}
