package dev.firmaccess.keycloak.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InvitationPolicyTest {

    @Nested
    class Status {
        @Test
        void aPendingInvitationPastItsExpiryIsExpired() {
            assertThat(InvitationPolicy.status(InvitationState.PENDING, 1_000, 1_000)).isEqualTo("expired");
            assertThat(InvitationPolicy.isOpen(InvitationState.PENDING, 1_000, 1_000)).isFalse();
        }

        @Test
        void aPendingInvitationBeforeItsExpiryIsPending() {
            assertThat(InvitationPolicy.status(InvitationState.PENDING, 1_000, 999)).isEqualTo("pending");
            assertThat(InvitationPolicy.isOpen(InvitationState.PENDING, 1_000, 999)).isTrue();
        }

        @Test
        void acceptedAndCancelledStaySoWhateverTheTime() {
            assertThat(InvitationPolicy.status(InvitationState.ACCEPTED, 1_000, 5_000)).isEqualTo("accepted");
            assertThat(InvitationPolicy.status(InvitationState.CANCELLED, 1_000, 5_000)).isEqualTo("cancelled");
            assertThat(InvitationPolicy.isOpen(InvitationState.CANCELLED, 1_000, 0)).isFalse();
        }
    }

}
