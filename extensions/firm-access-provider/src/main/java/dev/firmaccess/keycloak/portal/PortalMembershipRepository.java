package dev.firmaccess.keycloak.portal;

import dev.firmaccess.keycloak.access.GrantRepository;
import dev.firmaccess.keycloak.mail.MailedInvitationRepository;
import dev.firmaccess.keycloak.storage.LikePattern;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Storage of {@link PortalMembershipEntity} rows. Every find is bounded by the firm, every list by a page. */
public final class PortalMembershipRepository extends
        MailedInvitationRepository<PortalMembershipEntity, PortalMembershipRepository.Filter> {

    /** The memberships of a firm ({@code :org}) in one status at one level. */
    private static final String AT_LEVEL = " m.organizationId = :org and m.status = :status and m.accessLevel = :level";

    /** The audit target type of portal memberships. */
    public static final String TARGET = "portal_membership";

    public PortalMembershipRepository(EntityManager em) {
        super(em, PortalMembershipEntity.class, "m");
    }

    /** The membership whose activation was mailed last to an address in the realm. */
    @Override
    public Optional<PortalMembershipEntity> lastMailedTo(String realmId, String email) {
        return em.createQuery("select m from PortalMembershipEntity m where m.realmId = :realm and m.email = :email"
                        + " and m.lastSentAt is not null order by m.lastSentAt desc, m.id desc",
                        PortalMembershipEntity.class)
                .setParameter("realm", realmId)
                .setParameter("email", email)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** The row of an address in a business, whatever its status (the address is unique per business). */
    public Optional<PortalMembershipEntity> findByEmail(String businessId, String email) {
        return em.createQuery("select m from PortalMembershipEntity m where m.businessId = :business"
                        + " and m.email = :email", PortalMembershipEntity.class)
                .setParameter("business", businessId)
                .setParameter("email", email)
                .getResultStream().findFirst();
    }

    /** The memberships one link activates. */
    public List<PortalMembershipEntity> byLink(String organizationId, String linkId) {
        return linkQuery(organizationId, linkId).getResultList();
    }

    /**
     * The memberships of a link, locked for the rest of the transaction: two activations of the same
     * link run one after the other, and the second sees the first one's result.
     */
    public List<PortalMembershipEntity> lockByLink(String organizationId, String linkId) {
        List<PortalMembershipEntity> locked = linkQuery(organizationId, linkId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        // Rows read earlier in this request keep their old state in the persistence context; the
        // state that counts is the one committed by whoever held the lock before.
        locked.forEach(em::refresh);
        return locked.stream().filter(membership -> linkId.equals(membership.getLinkId())).toList();
    }

    /** A user's active memberships in one firm. */
    public List<PortalMembershipEntity> activeOf(String organizationId, String userId) {
        return em.createQuery("select m from PortalMembershipEntity m where m.organizationId = :org"
                        + " and m.userId = :user and m.status = :active order by m.createdAt, m.id",
                        PortalMembershipEntity.class)
                .setParameter("org", organizationId)
                .setParameter("user", userId)
                .setParameter("active", PortalStatus.ACTIVE)
                .getResultList();
    }

    /** The owners of a business who were pre-provisioned and never sent an activation. */
    public List<PortalMembershipEntity> unsentOwners(String organizationId, String businessId) {
        return em.createQuery("select m from PortalMembershipEntity m where m.organizationId = :org"
                        + " and m.businessId = :business and m.role = :owner and m.status = :pending"
                        + " and m.invitedAt is null order by m.email", PortalMembershipEntity.class)
                .setParameter("org", organizationId)
                .setParameter("business", businessId)
                .setParameter("owner", PortalRole.OWNER)
                .setParameter("pending", PortalStatus.PENDING)
                .getResultList();
    }

    /** Records a sign-in of a portal user on all of their active memberships. */
    public void touchLogin(String realmId, String userId, long time) {
        em.createQuery("update PortalMembershipEntity m set m.lastLoginAt = :time where m.realmId = :realm"
                        + " and m.userId = :user and m.status = :active")
                .setParameter("time", time)
                .setParameter("realm", realmId)
                .setParameter("user", userId)
                .setParameter("active", PortalStatus.ACTIVE)
                .executeUpdate();
    }

    /** How many memberships of the firm in one status are at a level. */
    public int countAtLevel(String organizationId, PortalStatus status, String level) {
        return atLevel(em.createQuery("select count(m) from PortalMembershipEntity m where" + AT_LEVEL, Long.class),
                organizationId, status, level).getSingleResult().intValue();
    }

    /** Moves the firm's memberships in one status from one level to another; returns how many moved. */
    public int moveLevel(String organizationId, PortalStatus status, String from, String to) {
        return atLevel(em.createQuery("update PortalMembershipEntity m set m.accessLevel = :to where" + AT_LEVEL),
                organizationId, status, from).setParameter("to", to).executeUpdate();
    }

    private static <Q extends Query> Q atLevel(Q query, String organizationId, PortalStatus status, String level) {
        query.setParameter("org", organizationId).setParameter("status", status).setParameter("level", level);
        return query;
    }

    public void delete(PortalMembershipEntity membership) {
        em.remove(membership);
    }

    @Override
    public String auditTarget() {
        return TARGET;
    }

    @Override
    public String deliveryChangedEvent() {
        return "portal.delivery_changed";
    }

    private TypedQuery<PortalMembershipEntity> linkQuery(String organizationId, String linkId) {
        return em.createQuery("select m from PortalMembershipEntity m where m.organizationId = :org"
                        + " and m.linkId = :link order by m.id", PortalMembershipEntity.class)
                .setParameter("org", organizationId)
                .setParameter("link", linkId);
    }

    @Override
    protected Map<String, Object> conditions(Filter filter, long now) {
        Map<String, Object> conditions = new LinkedHashMap<>();
        conditions.put("m.businessId = :business", filter.businessId());
        conditions.put("exists (select g.id from GrantEntity g where g.businessId = m.businessId"
                + " and g.accessLevel = :managerLevel and " + GrantRepository.REACHES
                + " and exists (select b.id from BusinessEntity b where b.id = g.businessId and b.archived = false))",
                filter.manager() == null ? null : filter.manager().level());
        if (filter.status() != null) {
            switch (filter.status()) {
                case "pending" -> {
                    conditions.put("m.status = :status", PortalStatus.PENDING);
                    conditions.put("(m.expiresAt is null or m.expiresAt > :now)", now);
                }
                case PortalStatus.EXPIRED -> {
                    conditions.put("m.status = :status", PortalStatus.PENDING);
                    conditions.put("m.expiresAt <= :now", now);
                }
                case "active" -> conditions.put("m.status = :status", PortalStatus.ACTIVE);
                default -> conditions.put("m.status = :status", PortalStatus.CANCELLED);
            }
        }
        conditions.put("(lower(m.email) like :search" + LikePattern.ESCAPE
                        + " or lower(m.firstName) like :search" + LikePattern.ESCAPE
                        + " or lower(m.lastName) like :search" + LikePattern.ESCAPE + ")",
                filter.search() == null || filter.search().isBlank() ? null : LikePattern.contains(filter.search()));
        return conditions;
    }

    @Override
    protected <T> TypedQuery<T> bindMore(TypedQuery<T> query, Filter filter) {
        return filter.manager() == null ? query
                : GrantRepository.bindReach(query, filter.manager().userId(), filter.manager().teamIds());
    }

    /**
     * Listing filters; null means "any". {@code status} is one of pending, expired, active, cancelled;
     * {@code manager} limits a member's list to the active businesses they hold the given level on.
     */
    public record Filter(String businessId, String status, String search, Manager manager) {
    }

    /** A staff member who is not owner or admin: they manage the portal of businesses they have full access to. */
    public record Manager(String userId, Collection<String> teamIds, String level) {
    }
}
