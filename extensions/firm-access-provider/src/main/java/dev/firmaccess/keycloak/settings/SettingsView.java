package dev.firmaccess.keycloak.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.firmaccess.keycloak.core.StaffRole;
import java.util.List;

/**
 * The realm settings as the admin API shows and takes them. In an update every field is
 * optional, and an omitted field keeps its value. The webhook secrets are write-only: reads show
 * only whether each is set, so the settings can be shown to viewers without leaking them.
 */
public record SettingsView(Boolean enabled, RoleLabels roleLabels, List<String> accessLevels, Boolean membersMayCreateBusinesses,
        Integer staffInvitationExpiryDays, Integer portalInvitationExpiryDays, Integer resendCooldownMinutes,
        Integer claimBusinessCap,
        @JsonInclude(JsonInclude.Include.NON_NULL) String invitationWebhookSecret,
        Boolean invitationWebhookSecretSet,
        @JsonInclude(JsonInclude.Include.NON_NULL) String invitationWebhookPreviousSecret,
        Boolean invitationWebhookPreviousSecretSet, Integer mailsPerFirmPerHour, Integer mailsPerUserPerHour) {

    /** A change that changes nothing. */
    public static final SettingsView UNCHANGED = new SettingsView(null, null, null, null, null, null, null, null, null, null,
            null, null, null, null);

    /** Display labels of the three staff roles. */
    public record RoleLabels(String owner, String admin, String member) {
    }

    public static SettingsView of(FirmAccessSettings settings, boolean enabled, boolean secretSet,
            boolean previousSecretSet) {
        return new SettingsView(enabled,
                new RoleLabels(settings.labelOf(StaffRole.OWNER), settings.labelOf(StaffRole.ADMIN),
                        settings.labelOf(StaffRole.MEMBER)),
                settings.accessLevels(), settings.membersMayCreateBusinesses(), settings.staffInvitationExpiryDays(),
                settings.portalInvitationExpiryDays(), settings.resendCooldownMinutes(), settings.claimBusinessCap(),
                null, secretSet, null, previousSecretSet, settings.mailsPerFirmPerHour(),
                settings.mailsPerUserPerHour());
    }
}
