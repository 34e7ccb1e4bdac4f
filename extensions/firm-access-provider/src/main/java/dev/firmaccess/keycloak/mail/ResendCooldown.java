package dev.firmaccess.keycloak.mail;

import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import java.util.OptionalLong;

/** The resend cooldown that staff invitations and portal activations share. */
public final class ResendCooldown {

    private ResendCooldown() {
    }

    /**
     * When the next resend is allowed: the last send plus the cooldown, unless a bounce or spam
     * report lifted the cooldown or nothing was sent yet. Empty when a resend is allowed now.
     */
    public static OptionalLong allowedAt(Long lastSentAt, boolean cooldownLifted, int cooldownMinutes, long now) {
        if (lastSentAt == null || cooldownLifted) {
            return OptionalLong.empty();
        }
        long allowedAt = lastSentAt + cooldownMinutes * 60_000L;
        return allowedAt > now ? OptionalLong.of(allowedAt) : OptionalLong.empty();
    }

    /** The refusal of a resend within the cooldown, with the seconds left. */
    public static FirmAccessException tooSoon(String what, long millisLeft) {
        long seconds = Math.max(1, (millisLeft + 999) / 1000);
        return FirmAccessException.tooMany(ErrorCode.RESEND_COOLDOWN,
                "This " + what + " was sent recently; it can be resent in " + seconds + " seconds", seconds);
    }
}
