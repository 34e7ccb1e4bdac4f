package dev.firmaccess.keycloak.portal;

import dev.firmaccess.keycloak.core.FirmAccessException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PortalPolicyTest {

    @Nested
    class Message {
        @Test
        void blankMeansNone() {
            assertThat(PortalPolicy.message(null)).isNull();
            assertThat(PortalPolicy.message("  \n ")).isNull();
        }

        @Test
        void isTrimmedAndKeepsLineBreaks() {
            assertThat(PortalPolicy.message("  Hello,\r\n\tsee you  ")).isEqualTo("Hello,\r\n\tsee you");
        }

        @Test
        void mayHaveExactly1000Characters() {
            assertThat(PortalPolicy.message("m".repeat(1000))).hasSize(1000);
        }

        @Test
        void isRefusedAbove1000Characters() {
            assertThatThrownBy(() -> PortalPolicy.message("m".repeat(1001)))
                    .isInstanceOf(FirmAccessException.class)
                    .satisfies(e -> assertThat(((FirmAccessException) e).kind())
                            .isEqualTo(FirmAccessException.Kind.BAD_INPUT));
        }

        @Test
        void isRefusedWithOtherControlCharacters() {
            assertThatThrownBy(() -> PortalPolicy.message("bell\u0007"))
                    .isInstanceOf(FirmAccessException.class);
        }
    }

    @Nested
    class Reuse {
        @Test
        void aCancelledOrExpiredRowMakesWayForANewInvitation() {
            assertThat(PortalPolicy.reusable(PortalStatus.CANCELLED, null, 0)).isTrue();
            assertThat(PortalPolicy.reusable(PortalStatus.PENDING, 1_000L, 2_000)).isTrue();
        }

        @Test
        void aPendingPreProvisionedOrActiveRowIsTaken() {
            assertThat(PortalPolicy.reusable(PortalStatus.PENDING, 1_000L, 500)).isFalse();
            assertThat(PortalPolicy.reusable(PortalStatus.PENDING, null, 500)).isFalse();
            assertThat(PortalPolicy.reusable(PortalStatus.ACTIVE, null, 500)).isFalse();
        }
    }

    @Nested
    class Timing {
        @Test
        void theExpiryIsTheSettingInDaysFromNow() {
            assertThat(PortalPolicy.expiry(30, 1_000)).isEqualTo(1_000 + 30L * 86_400_000);
            assertThat(PortalPolicy.expiry(1, 0)).isEqualTo(86_400_000L);
        }

        @Test
        void aSendWithinTheCooldownWaitsUnlessABounceLiftedIt() {
            PortalMembershipEntity membership = new PortalMembershipEntity();
            membership.setStatus(PortalStatus.PENDING);
            membership.setLastSentAt(0L);
            assertThat(PortalPolicy.sendAllowedAt(membership, 10, 60_000)).hasValue(600_000);
            membership.setCooldownLifted(true);
            assertThat(PortalPolicy.sendAllowedAt(membership, 10, 60_000)).isEmpty();
        }

        @Test
        void aNeverSentOrNoLongerPendingMembershipHasNoCooldown() {
            PortalMembershipEntity membership = new PortalMembershipEntity();
            membership.setStatus(PortalStatus.PENDING);
            assertThat(PortalPolicy.sendAllowedAt(membership, 10, 0)).isEmpty();
            membership.setLastSentAt(0L);
            membership.setStatus(PortalStatus.ACTIVE);
            assertThat(PortalPolicy.sendAllowedAt(membership, 10, 1)).isEmpty();
        }
    }
}
