package dev.firmaccess.keycloak.invitation;

import dev.firmaccess.keycloak.mail.DeliveryStatus;
import dev.firmaccess.keycloak.mail.MailedInvitationRepository;
import dev.firmaccess.keycloak.storage.LikePattern;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Storage of the invitation rows of {@link InvitationEntity}. */
public final class InvitationRepository
        extends MailedInvitationRepository<InvitationEntity, InvitationRepository.Filter> {

    public InvitationRepository(EntityManager em) {
        super(em, InvitationEntity.class, "i");
    }

    /**
     * The row locked for the rest of the transaction: two accepts of the same invitation run one
     * after the other, and the second sees the first one's result.
     */
    public Optional<InvitationEntity> lock(String id) {
        return Optional.ofNullable(em.find(InvitationEntity.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public boolean hasOpen(String organizationId, String email, long now) {
        return open(organizationId, email, now).isPresent();
    }

    /** The firm's pending, unexpired invitation of the address, if any (inviting refuses a second one). */
    public Optional<InvitationEntity> open(String organizationId, String email, long now) {
        return em.createQuery("select i from InvitationEntity i where i.organizationId = :org and i.email = :email"
                        + " and i.state = :pending and i.expiresAt > :now", InvitationEntity.class)
                .setParameter("org", organizationId)
                .setParameter("email", email)
                .setParameter("pending", InvitationState.PENDING)
                .setParameter("now", now)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** The firm's pending invitations whose stored grants hold a fragment (a pre-filter; the caller reads the grants). */
    public List<InvitationEntity> pendingWithGrantsHolding(String organizationId, String fragment) {
        return em.createQuery("select i from InvitationEntity i where i.organizationId = :org and i.state = :pending"
                        + " and i.grants like :pattern" + LikePattern.ESCAPE + " order by i.id", InvitationEntity.class)
                .setParameter("org", organizationId)
                .setParameter("pending", InvitationState.PENDING)
                .setParameter("pattern", LikePattern.containsExactly(fragment))
                .getResultList();
    }

    /** The newest invitation sent to an address in the realm: what a mail event naming only the address is about. */
    @Override
    public Optional<InvitationEntity> lastMailedTo(String realmId, String email) {
        return em.createQuery("select i from InvitationEntity i where i.realmId = :realm and i.email = :email"
                        + " order by i.createdAt desc, i.id desc", InvitationEntity.class)
                .setParameter("realm", realmId)
                .setParameter("email", email)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    @Override
    public String auditTarget() {
        return "invitation";
    }

    @Override
    public String deliveryChangedEvent() {
        return "invitation.delivery_changed";
    }

    @Override
    protected Map<String, Object> conditions(Filter filter, long now) {
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
        return conditions;
    }

    /** Listing filters; null means "any". {@code status} is one of pending, expired, accepted, cancelled,
     * or awaiting (pending, expired or not: what the console lists). */
    public record Filter(String status, DeliveryStatus delivery, String email) {
    }
}
