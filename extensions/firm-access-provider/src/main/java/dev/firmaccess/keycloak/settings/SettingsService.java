package dev.firmaccess.keycloak.settings;

import dev.firmaccess.keycloak.core.FirmAccessException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.keycloak.models.RealmModel;

/** Reads and changes the realm-wide settings. An update is validated whole before any attribute is written. */
public final class SettingsService {

    private static final Pattern LEVEL = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final int MAX_LABEL = 64;
    private static final int MIN_SECRET = 16;
    private static final int MAX_SECRET = 512;

    private final RealmModel realm;

    public SettingsService(RealmModel realm) {
        this.realm = realm;
    }

    public SettingsView read() {
        return SettingsView.of(FirmAccessSettings.of(realm));
    }

    /** Changes the settings, all or nothing, and answers them as they now are. */
    public SettingsView update(SettingsView change) {
        apply(change);
        return read();
    }

    /** Refuses a change that {@link #apply} would refuse, without writing anything. */
    public void validate(SettingsView change) {
        attributes(change);
    }

    public void apply(SettingsView change) {
        attributes(change).forEach(realm::setAttribute);
    }

    private static Map<String, String> attributes(SettingsView change) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (change.roleLabels() != null) {
            attributes.put(FirmAccessSettings.ROLE_LABEL + "owner", label(change.roleLabels().owner(), "owner"));
            attributes.put(FirmAccessSettings.ROLE_LABEL + "admin", label(change.roleLabels().admin(), "admin"));
            attributes.put(FirmAccessSettings.ROLE_LABEL + "member", label(change.roleLabels().member(), "member"));
        }
        if (change.accessLevels() != null) {
            attributes.put(FirmAccessSettings.ACCESS_LEVELS, String.join(",", levels(change.accessLevels())));
        }
        if (change.membersMayCreateBusinesses() != null) {
            attributes.put(FirmAccessSettings.MEMBERS_MAY_CREATE_BUSINESSES,
                    change.membersMayCreateBusinesses().toString());
        }
        putNumber(attributes, FirmAccessSettings.STAFF_INVITATION_EXPIRY_DAYS, change.staffInvitationExpiryDays(),
                "staffInvitationExpiryDays", 365);
        putNumber(attributes, FirmAccessSettings.PORTAL_INVITATION_EXPIRY_DAYS, change.portalInvitationExpiryDays(),
                "portalInvitationExpiryDays", 365);
        putNumber(attributes, FirmAccessSettings.RESEND_COOLDOWN_MINUTES, change.resendCooldownMinutes(),
                "resendCooldownMinutes", 1440);
        putNumber(attributes, FirmAccessSettings.CLAIM_BUSINESS_CAP, change.claimBusinessCap(), "claimBusinessCap",
                10_000);
        if (change.invitationWebhookSecret() != null) {
            attributes.put(FirmAccessSettings.INVITATION_WEBHOOK_SECRET, secret(change.invitationWebhookSecret()));
        }
        return attributes;
    }

    private static String label(String value, String role) {
        if (value == null || value.isBlank() || value.trim().length() > MAX_LABEL) {
            throw FirmAccessException.badInput("'roleLabels." + role + "' must be 1 to " + MAX_LABEL + " characters");
        }
        return value.trim();
    }

    /** An empty secret removes it (webhooks are then refused); otherwise it must be long enough to resist guessing. */
    private static String secret(String value) {
        if (value.isEmpty()) {
            return "";
        }
        if (value.length() < MIN_SECRET || value.length() > MAX_SECRET || value.chars().anyMatch(Character::isISOControl)) {
            throw FirmAccessException.badInput("'invitationWebhookSecret' must be " + MIN_SECRET + " to " + MAX_SECRET
                    + " printable characters, or empty to remove it");
        }
        return value;
    }

    private static List<String> levels(List<String> levels) {
        if (levels.isEmpty() || !FirmAccessSettings.FULL_ACCESS.equals(levels.get(0))) {
            throw FirmAccessException.badInput("'accessLevels' must list the strongest level first, and that is 'full'");
        }
        if (levels.stream().anyMatch(level -> level == null || !LEVEL.matcher(level).matches())) {
            throw FirmAccessException.badInput("Access levels are lower-case words of letters, digits, '-' and '_'");
        }
        if (new HashSet<>(levels).size() != levels.size()) {
            throw FirmAccessException.badInput("'accessLevels' lists a level more than once");
        }
        return levels;
    }

    private static void putNumber(Map<String, String> attributes, String attribute, Integer value, String field,
            int max) {
        if (value == null) {
            return;
        }
        if (value < 1 || value > max) {
            throw FirmAccessException.badInput("'" + field + "' must be between 1 and " + max);
        }
        attributes.put(attribute, value.toString());
    }
}
