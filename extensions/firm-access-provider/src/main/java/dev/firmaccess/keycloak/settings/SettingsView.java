package dev.firmaccess.keycloak.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.firmaccess.keycloak.core.StaffRole;
import java.util.List;

/**
 * The realm settings as the admin API shows and takes them. In an update every field is
 * optional, and an omitted field keeps its value. The webhook secret is write-only: reads show
 * only whether one is set, so the settings can be shown to viewers without leaking it.
 */
public record SettingsView(RoleLabels roleLabels, List<String> accessLevels, Boolean membersMayCreateBusinesses,
        Integer staffInvitationExpiryDays, Integer portalInvitationExpiryDays, Integer resendCooldownMinutes,
        Integer claimBusinessCap,
        @JsonInclude(JsonInclude.Include.NON_NULL) String invitationWebhookSecret,
        Boolean invitationWebhookSecretSet) {

    /** Display labels of the three staff roles. */
    public record RoleLabels(String owner, String admin, String member) {
    }

    public static SettingsView of(FirmAccessSettings settings) {
        return new SettingsView(
                new RoleLabels(settings.labelOf(StaffRole.OWNER), settings.labelOf(StaffRole.ADMIN),
                        settings.labelOf(StaffRole.MEMBER)),
                settings.accessLevels(), settings.membersMayCreateBusinesses(), settings.staffInvitationExpiryDays(),
                settings.portalInvitationExpiryDays(), settings.resendCooldownMinutes(), settings.claimBusinessCap(),
                null, settings.hasInvitationWebhookSecret());
    }
}
