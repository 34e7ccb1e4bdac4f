package dev.firmaccess.keycloak.outbox;

import dev.firmaccess.keycloak.storage.Jpa;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;

/** Where a change writes the deliveries it promises, in its own transaction. */
public final class Outbox {

    private static final String LAST_WRITTEN = "firm-access.outbox.last-written";

    private final KeycloakSession session;

    public Outbox(KeycloakSession session) {
        this.session = session;
    }

    /**
     * Adds a message to the current transaction: a rollback leaves no trace of it. Once the
     * transaction commits, this node makes the first attempt at once, off the request's thread,
     * so the answer does not wait for the delivery; the row stays the source of truth either way.
     */
    public String add(String realmId, String organizationId, String kind, String payload) {
        return add(realmId, organizationId, kind, null, null, payload);
    }

    /**
     * The same for a message of a {@code channel}, delivered after the channel's earlier messages,
     * and known outside as {@code ref}.
     */
    public String add(String realmId, String organizationId, String kind, String channel, String ref,
            String payload) {
        OutboxEntity message = new OutboxEntity();
        message.placeNew(realmId, organizationId);
        message.setKind(kind);
        message.setChannel(channel);
        message.setRef(ref);
        message.setPayload(payload);
        message.setStatus(OutboxStatus.PENDING);
        long now = writtenAt();
        message.setNextAttemptAt(now);
        message.setCreatedAt(now);
        Jpa.entityManager(session).persist(message);
        String id = message.getId();
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                OutboxWorker.attemptSoon(id);
            }

            @Override
            protected void rollbackImpl() {
                // the message went with the transaction
            }
        });
        return id;
    }

    /**
     * Now, but later than the transaction's previous message: the messages of one change keep
     * their order even within one millisecond.
     */
    private long writtenAt() {
        Long previous = session.getAttribute(LAST_WRITTEN, Long.class);
        long now = previous == null ? System.currentTimeMillis() : Math.max(System.currentTimeMillis(), previous + 1);
        session.setAttribute(LAST_WRITTEN, now);
        return now;
    }
}
