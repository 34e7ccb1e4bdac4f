package dev.firmaccess.keycloak.invitation;

import java.util.OptionalLong;

/** The time rules of invitations, kept free of storage so they can be unit tested. */
public final class InvitationPolicy {

    private InvitationPolicy() {
    }

    /** The state a person sees: a pending invitation past its expiry is expired. */
    public static String status(InvitationState state, long expiresAt, long now) {
        if (state == InvitationState.PENDING && now >= expiresAt) {
            return "expired";
        }
        return state.name().toLowerCase(java.util.Locale.ROOT);
    }

    public static boolean isOpen(InvitationState state, long expiresAt, long now) {
        return state == InvitationState.PENDING && now < expiresAt;
    }

    /**
     * When the next resend is allowed: the last send plus the cooldown, unless a bounce or spam
     * report lifted the cooldown or nothing was sent yet. Empty when a resend is allowed now.
     */
    public static OptionalLong resendAllowedAt(Long lastSentAt, boolean cooldownLifted, int cooldownMinutes, long now) {
        if (lastSentAt == null || cooldownLifted) {
            return OptionalLong.empty();
        }
        long allowedAt = lastSentAt + cooldownMinutes * 60_000L;
        return allowedAt > now ? OptionalLong.of(allowedAt) : OptionalLong.empty();
    }
}
