package dev.firmaccess.keycloak.outbox;

/** Where an outbox message is: waiting for an attempt, delivered, given up, or no longer wanted. */
public enum OutboxStatus {
    /** Not delivered yet; an attempt is due at the row's next attempt time. */
    PENDING,
    SENT,
    /** Every allowed attempt failed; the last error stays on the row. */
    FAILED,
    /** What the message was about changed before it went out (a newer link, a cancelled invitation). */
    OBSOLETE
}
