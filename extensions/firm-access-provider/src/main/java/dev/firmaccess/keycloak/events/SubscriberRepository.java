package dev.firmaccess.keycloak.events;

import dev.firmaccess.keycloak.outbox.OutboxEntity;
import dev.firmaccess.keycloak.outbox.OutboxStatus;
import dev.firmaccess.keycloak.storage.PagedFirmRepository;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;

/** The subscribers of each firm, and what the outbox holds for them. */
final class SubscriberRepository extends PagedFirmRepository<SubscriberEntity, Void> {

    SubscriberRepository(EntityManager em) {
        super(em, SubscriberEntity.class, "s");
    }

    @Override
    protected Map<String, Object> conditions(Void filter, long now) {
        return Map.of();
    }

    /** The firm's subscribers to an event type. */
    List<SubscriberEntity> listeningTo(String organizationId, AccessEventType type) {
        return em.createQuery("select s from SubscriberEntity s where s.organizationId = :org"
                        + " and concat(' ', s.eventTypes, ' ') like :type order by s.createdAt, s.id",
                        SubscriberEntity.class)
                .setParameter("org", organizationId)
                .setParameter("type", "% " + type.wireName() + " %")
                .getResultList();
    }

    /**
     * How the subscriber's deliveries go, from its messages in the outbox (within their retention):
     * when one last went out, and the failed attempts and last error of the oldest one waiting.
     */
    Deliveries deliveries(String subscriberId) {
        Long lastDelivery = em.createQuery("select max(o.sentAt) from OutboxEntity o where o.channel = :channel"
                        + " and o.status = :sent", Long.class)
                .setParameter("channel", subscriberId)
                .setParameter("sent", OutboxStatus.SENT)
                .getSingleResult();
        OutboxEntity waiting = em.createQuery("select o from OutboxEntity o where o.channel = :channel"
                        + " and o.status = :pending order by o.createdAt, o.id", OutboxEntity.class)
                .setParameter("channel", subscriberId)
                .setParameter("pending", OutboxStatus.PENDING)
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
        return new Deliveries(lastDelivery, waiting == null ? 0 : waiting.getAttempts(),
                waiting == null ? null : waiting.getLastError(), pending(subscriberId));
    }

    record Deliveries(Long lastDeliveryAt, int failures, String lastError, long pending) {
    }

    /** The subscriber's events not delivered yet. */
    long pending(String subscriberId) {
        return em.createQuery("select count(o) from OutboxEntity o where o.channel = :channel and o.status = :pending",
                        Long.class)
                .setParameter("channel", subscriberId)
                .setParameter("pending", OutboxStatus.PENDING)
                .getSingleResult();
    }

    /** The body of an event the subscriber was sent (or is to be sent), by the event's id; null when unknown. */
    String eventBody(String subscriberId, String eventId) {
        return em.createQuery("select o.payload from OutboxEntity o where o.channel = :channel and o.ref = :event"
                        + " order by o.createdAt", String.class)
                .setParameter("channel", subscriberId)
                .setParameter("event", eventId)
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }

    void delete(SubscriberEntity subscriber) {
        em.createQuery("delete from OutboxEntity o where o.channel = :channel and o.status = :pending")
                .setParameter("channel", subscriber.getId())
                .setParameter("pending", OutboxStatus.PENDING)
                .executeUpdate();
        em.remove(subscriber);
    }
}
