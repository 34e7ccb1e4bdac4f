package dev.firmaccess.keycloak.settings;

import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.webhook.WebhookSecrets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Reads and changes the realm-wide settings. An update is validated whole before any attribute is written. */
public final class SettingsService {

    private static final Pattern LEVEL = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final int MAX_LABEL = 64;
    private static final int MAX_MAILS_PER_HOUR = 100_000;

    private final RealmModel realm;
    private final WebhookSecrets secrets;

    public SettingsService(KeycloakSession session, RealmModel realm) {
        this.realm = realm;
        this.secrets = new WebhookSecrets(session, realm);
    }

    public SettingsView read() {
        return SettingsView.of(FirmAccessSettings.of(realm), FirmAccessSwitch.isOn(realm), secrets.isSet(),
                secrets.isPreviousSet());
    }

    /** Changes the settings, all or nothing, and answers them as they now are. */
    public SettingsView update(SettingsView change) {
        apply(change);
        return read();
    }

    /** Refuses a change that {@link #apply} would refuse, without writing anything. */
    public void validate(SettingsView change) {
        attributes(change);
        validateSwitch(change);
        validateSecrets(change);
    }

    public void apply(SettingsView change) {
        Map<String, String> attributes = attributes(change);
        validateSwitch(change);
        validateSecrets(change);
        if (change.enabled() != null) {
            attributes.put(FirmAccessSwitch.ATTRIBUTE, change.enabled().toString());
        }
        attributes.forEach(realm::setAttribute);
        applySecrets(change);
    }

    private void validateSwitch(SettingsView change) {
        if (!Boolean.TRUE.equals(change.enabled())) {
            return;
        }
        if (FirmAccessSwitch.isMaster(realm)) {
            throw FirmAccessException.of(ErrorCode.MASTER_REALM, "Firm Access cannot be turned on in the master realm");
        }
        if (!realm.isOrganizationsEnabled()) {
            throw FirmAccessException.of(ErrorCode.ORGANIZATIONS_DISABLED,
                    "Turn on Organizations for the realm before turning on Firm Access");
        }
    }

    private void validateSecrets(SettingsView change) {
        if (change.invitationWebhookSecret() != null) {
            secrets.validate("invitationWebhookSecret", change.invitationWebhookSecret());
        }
        if (change.invitationWebhookPreviousSecret() != null) {
            secrets.validate("invitationWebhookPreviousSecret", change.invitationWebhookPreviousSecret());
        }
    }

    /** The secrets live in their own table, not in realm attributes, so no realm read or export shows them. */
    public void applySecrets(SettingsView change) {
        if (change.invitationWebhookSecret() != null) {
            secrets.replace(change.invitationWebhookSecret());
        }
        if (change.invitationWebhookPreviousSecret() != null) {
            secrets.replacePrevious(change.invitationWebhookPreviousSecret());
        }
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
        putNumber(attributes, FirmAccessSettings.MAILS_PER_FIRM_PER_HOUR, change.mailsPerFirmPerHour(),
                "mailsPerFirmPerHour", MAX_MAILS_PER_HOUR);
        putNumber(attributes, FirmAccessSettings.MAILS_PER_USER_PER_HOUR, change.mailsPerUserPerHour(),
                "mailsPerUserPerHour", MAX_MAILS_PER_HOUR);
        return attributes;
    }

    private static String label(String value, String role) {
        if (value == null || value.isBlank() || value.trim().length() > MAX_LABEL) {
            throw FirmAccessException.of(ErrorCode.INVALID_SETTING,
                    "'roleLabels." + role + "' must be 1 to " + MAX_LABEL + " characters");
        }
        return value.trim();
    }

    private static List<String> levels(List<String> levels) {
        if (levels.isEmpty() || !FirmAccessSettings.FULL_ACCESS.equals(levels.get(0))) {
            throw FirmAccessException.of(ErrorCode.INVALID_SETTING,
                    "'accessLevels' must list the strongest level first, and that is 'full'");
        }
        if (levels.stream().anyMatch(level -> level == null || !LEVEL.matcher(level).matches())) {
            throw FirmAccessException.of(ErrorCode.INVALID_SETTING,
                    "Access levels are lower-case words of letters, digits, '-' and '_'");
        }
        if (new HashSet<>(levels).size() != levels.size()) {
            throw FirmAccessException.of(ErrorCode.INVALID_SETTING, "'accessLevels' lists a level more than once");
        }
        return levels;
    }

    private static void putNumber(Map<String, String> attributes, String attribute, Integer value, String field,
            int max) {
        if (value == null) {
            return;
        }
        if (value < 1 || value > max) {
            throw FirmAccessException.of(ErrorCode.INVALID_SETTING, "'" + field + "' must be between 1 and " + max);
        }
        attributes.put(attribute, value.toString());
    }
}
