package dev.firmaccess.keycloak.outbox;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Claims due messages for one node. A claim is one conditional UPDATE: when two nodes race for a
 * message, the database lets exactly one of them change the row (the other's UPDATE finds it
 * leased and changes nothing), which works alike on H2 and PostgreSQL without row-locking hints.
 */
final class OutboxRepository {

    /** Due, not held by a node, and first of its channel: no earlier message of the channel is pending. */
    private static final String CLAIMABLE = "o.status = :pending and o.nextAttemptAt <= :now"
            + " and (o.leaseUntil is null or o.leaseUntil < :now)"
            + " and (o.channel is null or not exists (select e.id from OutboxEntity e where e.channel = o.channel"
            + " and e.status = :pending and (e.createdAt < o.createdAt or (e.createdAt = o.createdAt and e.id < o.id))))";

    private static final String CLAIM = "update OutboxEntity o set o.leaseUntil = :until where o.id = :id and "
            + CLAIMABLE;

    private final EntityManager em;

    OutboxRepository(EntityManager em) {
        this.em = em;
    }

    /** Whether this node now holds the message until {@code until}. */
    boolean claim(String id, long now, long until) {
        return em.createQuery(CLAIM)
                .setParameter("until", until)
                .setParameter("id", id)
                .setParameter("pending", OutboxStatus.PENDING)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** Claims up to {@code max} due messages, oldest first, and answers those this node won. */
    List<String> claimDue(long now, long until, int max) {
        List<String> due = em.createQuery("select o.id from OutboxEntity o where " + CLAIMABLE
                        + " order by o.createdAt, o.id", String.class)
                .setParameter("pending", OutboxStatus.PENDING)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
        List<String> claimed = new ArrayList<>();
        for (String id : due) {
            if (claim(id, now, until)) {
                claimed.add(id);
            }
        }
        return claimed;
    }

    /** Deletes the messages no longer pending that were created before {@code before}. */
    void purgeSettled(long before) {
        em.createQuery("delete from OutboxEntity o where o.status <> :pending and o.createdAt < :before")
                .setParameter("pending", OutboxStatus.PENDING)
                .setParameter("before", before)
                .executeUpdate();
    }

    OutboxEntity find(String id) {
        return em.find(OutboxEntity.class, id);
    }
}
