package dev.firmaccess.keycloak.portal;

import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.mail.ResendCooldown;
import java.util.OptionalLong;

/** The rules of portal memberships that need no storage, so they can be unit tested. */
public final class PortalPolicy {

    public static final int MAX_MESSAGE_LENGTH = 1000;
    private static final long DAY_MILLIS = 86_400_000L;

    private PortalPolicy() {
    }

    /**
     * An optional personal message: null when blank, else trimmed, at most 1000 characters, with no
     * control characters but line breaks and tabs.
     */
    public static String message(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_MESSAGE_LENGTH) {
            throw FirmAccessException.badInput("'message' must be at most " + MAX_MESSAGE_LENGTH + " characters");
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw FirmAccessException.badInput("'message' must not contain control characters other than line breaks");
        }
        return trimmed;
    }

    /** Guests get their activation at once; only owners may be pre-provisioned without one. */
    public static void requireSendable(PortalRole role, boolean send) {
        if (!send && role == PortalRole.GUEST) {
            throw FirmAccessException.of(ErrorCode.GUEST_INVITED_AT_ONCE,
                    "Guests are always invited at once; 'send' may be false only for owners");
        }
    }

    /** Whether a new invitation may take over an address's row in a business: only a cancelled or expired one. */
    public static boolean reusable(PortalStatus status, Long expiresAt, long now) {
        return status == PortalStatus.CANCELLED
                || PortalStatus.EXPIRED.equals(PortalStatus.wireName(status, expiresAt, now));
    }

    /** When a new activation link issued now expires. */
    public static long expiry(int expiryDays, long now) {
        return now + expiryDays * DAY_MILLIS;
    }

    /**
     * When the next send of a pending membership is allowed, as for staff invitations: the last
     * send plus the cooldown, unless nothing was sent yet or a bounce or spam report lifted it.
     */
    public static OptionalLong sendAllowedAt(PortalMembershipEntity membership, int cooldownMinutes, long now) {
        if (membership.getStatus() != PortalStatus.PENDING) {
            return OptionalLong.empty();
        }
        return ResendCooldown.allowedAt(membership.getLastSentAt(),
                membership.isCooldownLifted(), cooldownMinutes, now);
    }
}
