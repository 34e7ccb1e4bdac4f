package dev.firmaccess.keycloak.outbox;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Delivers the outbox messages of one kind. Runs in a transaction of its own on whichever node
 * claimed the message; what it writes commits with the message's new status.
 */
public interface OutboxHandler {

    /** The kind of message handled, as stored in the row. */
    String kind();

    /**
     * Delivers the message: answers true once delivered, false when it is no longer wanted (nothing
     * was sent), and throws when the attempt failed and should be tried again later.
     */
    boolean deliver(KeycloakSession session, RealmModel realm, OutboxEntity message) throws Exception;

    /** An attempt failed: {@code givenUp} says no further attempt follows. Nothing to do by default. */
    default void attemptFailed(KeycloakSession session, RealmModel realm, OutboxEntity message, boolean givenUp) {
    }
}
