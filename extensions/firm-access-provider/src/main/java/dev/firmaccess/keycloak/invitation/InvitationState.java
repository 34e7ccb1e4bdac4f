package dev.firmaccess.keycloak.invitation;

/** The stored state of an invitation. "Expired" is not stored: it follows from the time (see {@link InvitationPolicy}). */
public enum InvitationState {
    PENDING,
    ACCEPTED,
    CANCELLED
}
