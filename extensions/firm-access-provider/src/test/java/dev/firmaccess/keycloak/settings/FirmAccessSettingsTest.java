package dev.firmaccess.keycloak.settings;

import dev.firmaccess.keycloak.core.StaffRole;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FirmAccessSettingsTest {

    @Nested
    class GivenAnUnconfiguredRealm {
        private final FirmAccessSettings settings = FirmAccessSettings.parse(name -> null);

        @Test
        void labelsOwnersAndAdminsPartnerAdminAndMembersPartnerUser() {
            assertThat(settings.labelOf(StaffRole.OWNER)).isEqualTo("PartnerAdmin");
            assertThat(settings.labelOf(StaffRole.ADMIN)).isEqualTo("PartnerAdmin");
            assertThat(settings.labelOf(StaffRole.MEMBER)).isEqualTo("PartnerUser");
        }

        @Test
        void usesTheDesignDefaults() {
            assertThat(settings.accessLevels()).containsExactly("full");
            assertThat(settings.membersMayCreateBusinesses()).isTrue();
            assertThat(settings.staffInvitationExpiryDays()).isEqualTo(7);
            assertThat(settings.portalInvitationExpiryDays()).isEqualTo(30);
            assertThat(settings.resendCooldownMinutes()).isEqualTo(10);
            assertThat(settings.claimBusinessCap()).isEqualTo(30);
            assertThat(settings.mailsPerFirmPerHour()).isEqualTo(500);
            assertThat(settings.mailsPerUserPerHour()).isEqualTo(200);
        }
    }

    @Nested
    class GivenConfiguredAttributes {
        private final FirmAccessSettings settings = FirmAccessSettings.parse(Map.of(
                "firmAccess.roleLabel.member", " Associate ",
                "firmAccess.accessLevels", "full, read-only, ,read-only",
                "firmAccess.membersMayCreateBusinesses", "false",
                "firmAccess.staffInvitationExpiryDays", "3",
                "firmAccess.mailsPerUserPerHour", "12")::get);

        @Test
        void readsLabelsLevelsAndNumbers() {
            assertThat(settings.labelOf(StaffRole.MEMBER)).isEqualTo("Associate");
            assertThat(settings.accessLevels()).containsExactly("full", "read-only");
            assertThat(settings.membersMayCreateBusinesses()).isFalse();
            assertThat(settings.staffInvitationExpiryDays()).isEqualTo(3);
            assertThat(settings.mailsPerUserPerHour()).isEqualTo(12);
            assertThat(settings.mailsPerFirmPerHour()).as("an attribute left out keeps its default").isEqualTo(500);
        }
    }

    @Nested
    class GivenUnusableAttributes {
        private final FirmAccessSettings settings = FirmAccessSettings.parse(Map.of(
                "firmAccess.accessLevels", "read-only",
                "firmAccess.resendCooldownMinutes", "soon",
                "firmAccess.claimBusinessCap", "-5")::get);

        @Test
        void fallsBackToDefaultsInsteadOfFailing() {
            assertThat(settings.accessLevels()).as("full access can never be configured away").containsExactly("full");
            assertThat(settings.resendCooldownMinutes()).isEqualTo(10);
            assertThat(settings.claimBusinessCap()).isEqualTo(30);
        }
    }
}
