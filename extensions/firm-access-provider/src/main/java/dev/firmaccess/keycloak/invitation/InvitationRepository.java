package dev.firmaccess.keycloak.invitation;

import dev.firmaccess.keycloak.storage.FirmQuery;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Storage of the invitation rows of {@link InvitationEntity}. */
public final class InvitationRepository {

    private final EntityManager em;

    public InvitationRepository(EntityManager em) {
        this.em = em;
    }

    /** An invitation of this firm only: ids of other firms find nothing. */
    public Optional<InvitationEntity> find(String organizationId, String id) {
        return Optional.ofNullable(id == null ? null : em.find(InvitationEntity.class, id))
                .filter(invitation -> invitation.getOrganizationId().equals(organizationId));
    }

    /**
     * The row locked for the rest of the transaction: two accepts of the same invitation run one
     * after the other, and the second sees the first one's result.
     */
    public Optional<InvitationEntity> lock(String id) {
        return Optional.ofNullable(em.find(InvitationEntity.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public boolean hasOpen(String organizationId, String email, long now) {
        return !em.createQuery("select i.id from InvitationEntity i where i.organizationId = :org and i.email = :email"
                        + " and i.state = :pending and i.expiresAt > :now", String.class)
                .setParameter("org", organizationId)
                .setParameter("email", email)
                .setParameter("pending", InvitationState.PENDING)
                .setParameter("now", now)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** The newest invitation sent to an address in the realm: what a mail event naming only the address is about. */
    public Optional<InvitationEntity> newestTo(String realmId, String email) {
        return em.createQuery("select i from InvitationEntity i where i.realmId = :realm and i.email = :email"
                        + " order by i.createdAt desc, i.id desc", InvitationEntity.class)
                .setParameter("realm", realmId)
                .setParameter("email", email)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    public Optional<InvitationEntity> inRealm(String realmId, String id) {
        return Optional.ofNullable(id == null ? null : em.find(InvitationEntity.class, id))
                .filter(invitation -> invitation.getRealmId().equals(realmId));
    }

    public void persist(InvitationEntity invitation) {
        em.persist(invitation);
    }

    public List<InvitationEntity> page(String organizationId, Filter filter, long now, int first, int max) {
        return query("select i", organizationId, filter, now, " order by i.createdAt desc, i.id desc",
                InvitationEntity.class)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    public long count(String organizationId, Filter filter, long now) {
        return query("select count(i)", organizationId, filter, now, "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> query(String select, String organizationId, Filter filter, long now, String order,
            Class<T> type) {
        Map<String, Object> conditions = new LinkedHashMap<>();
        if (filter.status() != null) {
            switch (filter.status()) {
                case "pending" -> {
                    conditions.put("i.state = :state", InvitationState.PENDING);
                    conditions.put("i.expiresAt > :now", now);
                }
                case "expired" -> {
                    conditions.put("i.state = :state", InvitationState.PENDING);
                    conditions.put("i.expiresAt <= :now", now);
                }
                case "awaiting" -> conditions.put("i.state = :state", InvitationState.PENDING);
                case "accepted" -> conditions.put("i.state = :state", InvitationState.ACCEPTED);
                default -> conditions.put("i.state = :state", InvitationState.CANCELLED);
            }
        }
        conditions.put("i.delivery = :delivery", filter.delivery());
        conditions.put("i.email = :email", filter.email());
        return FirmQuery.filtered(em, select, "InvitationEntity i", organizationId, conditions, order, type);
    }

    /** Listing filters; null means "any". {@code status} is one of pending, expired, accepted, cancelled,
     * or awaiting (pending, expired or not: what the console lists). */
    public record Filter(String status, DeliveryStatus delivery, String email) {
    }
}
