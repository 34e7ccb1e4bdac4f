package dev.firmaccess.keycloak.portal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;

/**
 * What portal users reach, for the hot paths (token claims and access evaluation): only ACTIVE
 * memberships on businesses that are not archived, each answer one indexed query.
 */
public final class PortalReach {

    private static final String ACTIVE_WORKSPACES = "from PortalMembershipEntity m, BusinessEntity b"
            + " where b.id = m.businessId and b.organizationId = m.organizationId and b.archived = false"
            + " and m.status = :active";

    private final EntityManager em;

    public PortalReach(EntityManager em) {
        this.em = em;
    }

    /** One workspace of a portal user: the firm (organization id), the business and the membership's role and level. */
    public record Workspace(String firmId, String businessId, String businessName, PortalRole role, String level) {
    }

    /** The user's workspaces in every firm of the realm, ordered by firm and business name. */
    public List<Workspace> workspacesOf(String realmId, String userId) {
        return em.createQuery("select m.organizationId, m.businessId, b.name, m.role, m.accessLevel "
                        + ACTIVE_WORKSPACES + " and m.realmId = :realm and m.userId = :user"
                        + " order by m.organizationId, lower(b.name), b.id", Object[].class)
                .setParameter("active", PortalStatus.ACTIVE)
                .setParameter("realm", realmId)
                .setParameter("user", userId)
                .getResultStream()
                .map(row -> new Workspace((String) row[0], (String) row[1], (String) row[2], (PortalRole) row[3],
                        (String) row[4]))
                .toList();
    }

    /** The user's active membership on one business, if it is not archived. */
    public Optional<PortalMembershipEntity> activeOn(String businessId, String userId) {
        return em.createQuery("select m " + ACTIVE_WORKSPACES + " and m.businessId = :business and m.userId = :user",
                        PortalMembershipEntity.class)
                .setParameter("active", PortalStatus.ACTIVE)
                .setParameter("business", businessId)
                .setParameter("user", userId)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** The users with an active membership on one business whose level is one of {@code levels} (null: any). */
    public List<String> activeUserIdsOn(String businessId, List<String> levels) {
        TypedQuery<String> query = em.createQuery("select m.userId " + ACTIVE_WORKSPACES
                        + " and m.businessId = :business and m.userId is not null"
                        + (levels == null ? "" : " and m.accessLevel in :levels") + " order by m.userId",
                        String.class)
                .setParameter("active", PortalStatus.ACTIVE)
                .setParameter("business", businessId);
        return (levels == null ? query : query.setParameter("levels", levels)).getResultList();
    }
}
