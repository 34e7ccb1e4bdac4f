package dev.firmaccess.keycloak.settings;

import dev.firmaccess.keycloak.core.StaffRole;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.keycloak.models.RealmModel;

/**
 * Realm-wide settings, kept as realm attributes so that they travel with realm exports and are
 * cached and invalidated cluster-wide by Keycloak's own realm cache.
 */
public record FirmAccessSettings(
        Map<StaffRole, String> roleLabels,
        List<String> accessLevels,
        boolean membersMayCreateBusinesses,
        int staffInvitationExpiryDays,
        int portalInvitationExpiryDays,
        int resendCooldownMinutes,
        int claimBusinessCap,
        int mailsPerFirmPerHour,
        int mailsPerUserPerHour) {

    public static final String PREFIX = "firmAccess.";
    static final String ROLE_LABEL = PREFIX + "roleLabel.";
    static final String ACCESS_LEVELS = PREFIX + "accessLevels";
    static final String MEMBERS_MAY_CREATE_BUSINESSES = PREFIX + "membersMayCreateBusinesses";
    static final String STAFF_INVITATION_EXPIRY_DAYS = PREFIX + "staffInvitationExpiryDays";
    static final String PORTAL_INVITATION_EXPIRY_DAYS = PREFIX + "portalInvitationExpiryDays";
    static final String RESEND_COOLDOWN_MINUTES = PREFIX + "resendCooldownMinutes";
    static final String CLAIM_BUSINESS_CAP = PREFIX + "claimBusinessCap";
    static final String MAILS_PER_FIRM_PER_HOUR = PREFIX + "mailsPerFirmPerHour";
    static final String MAILS_PER_USER_PER_HOUR = PREFIX + "mailsPerUserPerHour";

    /** The strongest level comes first; a grant of any listed level lets its holder read. */
    public static final String FULL_ACCESS = "full";

    public static FirmAccessSettings of(RealmModel realm) {
        return parse(realm::getAttribute);
    }

    /** Reads the settings from attribute values; missing or unusable values fall back to defaults. */
    public static FirmAccessSettings parse(UnaryOperator<String> attributes) {
        return new FirmAccessSettings(
                Map.of(
                        StaffRole.OWNER, text(attributes, ROLE_LABEL + "owner", "PartnerAdmin"),
                        StaffRole.ADMIN, text(attributes, ROLE_LABEL + "admin", "PartnerAdmin"),
                        StaffRole.MEMBER, text(attributes, ROLE_LABEL + "member", "PartnerUser")),
                accessLevels(attributes.apply(ACCESS_LEVELS)),
                !"false".equalsIgnoreCase(attributes.apply(MEMBERS_MAY_CREATE_BUSINESSES)),
                positive(attributes, STAFF_INVITATION_EXPIRY_DAYS, 7),
                positive(attributes, PORTAL_INVITATION_EXPIRY_DAYS, 30),
                positive(attributes, RESEND_COOLDOWN_MINUTES, 10),
                positive(attributes, CLAIM_BUSINESS_CAP, 30),
                positive(attributes, MAILS_PER_FIRM_PER_HOUR, 500),
                positive(attributes, MAILS_PER_USER_PER_HOUR, 200));
    }

    public String labelOf(StaffRole role) {
        return roleLabels.get(role);
    }

    private static String text(UnaryOperator<String> attributes, String name, String fallback) {
        String value = attributes.apply(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int positive(UnaryOperator<String> attributes, String name, int fallback) {
        String value = attributes.apply(name);
        try {
            int parsed = value == null ? fallback : Integer.parseInt(value.trim());
            return parsed < 1 ? fallback : parsed;
        } catch (NumberFormatException unusable) {
            return fallback;
        }
    }

    private static List<String> accessLevels(String configured) {
        if (configured == null || configured.isBlank()) {
            return List.of(FULL_ACCESS);
        }
        List<String> levels = Arrays.stream(configured.split(","))
                .map(String::trim)
                .filter(level -> !level.isEmpty())
                .distinct()
                .toList();
        return levels.contains(FULL_ACCESS) ? levels : List.of(FULL_ACCESS);
    }
}
