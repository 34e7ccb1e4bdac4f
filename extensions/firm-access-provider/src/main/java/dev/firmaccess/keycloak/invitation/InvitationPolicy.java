package dev.firmaccess.keycloak.invitation;

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
}
