package dev.firmaccess.keycloak.access;

import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.storage.LikePattern;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Storage of a firm's businesses. Every query is bounded by the firm and, for lists, by a page. */
public final class BusinessRepository {

    /** Which businesses a list shows, by archive state. */
    public enum ArchiveFilter {
        ACTIVE, ARCHIVED, ANY
    }

    /** Restricts a list to the businesses a member reaches by a direct grant or a grant of one of their teams. */
    public record Reach(String userId, Collection<String> teamIds) {

        /** No restriction: owners, admins and realm administrators see every business. */
        public static final Reach ALL = new Reach(null, List.of());

        public boolean restricted() {
            return userId != null;
        }
    }

    private final EntityManager em;

    public BusinessRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<BusinessEntity> find(String organizationId, String businessId) {
        BusinessEntity found = em.find(BusinessEntity.class, businessId);
        return found != null && found.getOrganizationId().equals(organizationId) ? Optional.of(found) : Optional.empty();
    }

    /** A business of this firm, or the 404 that unknown ids and ids of other firms get alike. */
    public BusinessEntity require(String organizationId, String businessId) {
        return find(organizationId, businessId).orElseThrow(() -> FirmAccessException.notFound("Business not found"));
    }

    /** A business of any firm of the realm, unless it is archived: what access decisions look at. */
    public Optional<BusinessEntity> findActiveInRealm(String realmId, String businessId) {
        return Optional.ofNullable(em.find(BusinessEntity.class, businessId))
                .filter(business -> business.getRealmId().equals(realmId) && !business.isArchived());
    }

    /** The firm's business with this external reference (unique per firm), for imports that name businesses so. */
    public Optional<BusinessEntity> findByExternalRef(String organizationId, String externalRef) {
        return em.createQuery("select b from BusinessEntity b where b.organizationId = :org and b.externalRef = :ref",
                        BusinessEntity.class)
                .setParameter("org", organizationId)
                .setParameter("ref", externalRef)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    public List<BusinessEntity> findAll(String organizationId, Collection<String> businessIds) {
        if (businessIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select b from BusinessEntity b where b.organizationId = :org and b.id in :ids",
                        BusinessEntity.class)
                .setParameter("org", organizationId)
                .setParameter("ids", businessIds)
                .getResultList();
    }

    public List<BusinessEntity> page(String organizationId, String search, ArchiveFilter filter, Reach reach,
            int first, int max) {
        return filtered("select b", organizationId, search, filter, reach, " order by lower(b.name), b.id",
                BusinessEntity.class)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    public long count(String organizationId, String search, ArchiveFilter filter, Reach reach) {
        return filtered("select count(b)", organizationId, search, filter, reach, "", Long.class).getSingleResult();
    }

    public List<String> activeIds(String organizationId) {
        return em.createQuery("select b.id from BusinessEntity b where b.organizationId = :org and b.archived = false",
                        String.class)
                .setParameter("org", organizationId)
                .getResultList();
    }

    /** Which of these external references a business of the firm already has, in one query. */
    public List<String> takenExternalRefs(String organizationId, Collection<String> externalRefs) {
        if (externalRefs.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select b.externalRef from BusinessEntity b where b.organizationId = :org"
                        + " and b.externalRef in :refs", String.class)
                .setParameter("org", organizationId)
                .setParameter("refs", externalRefs)
                .getResultList();
    }

    public boolean externalRefTaken(String organizationId, String externalRef, String exceptBusinessId) {
        return !em.createQuery("select b.id from BusinessEntity b where b.organizationId = :org and b.externalRef = :ref"
                                + " and b.id <> :except", String.class)
                .setParameter("org", organizationId)
                .setParameter("ref", externalRef)
                .setParameter("except", exceptBusinessId == null ? "" : exceptBusinessId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    public void persist(BusinessEntity business) {
        em.persist(business);
    }

    /** The users with a portal membership on the business (the portal's table, named as {@link #delete} names it). */
    public List<String> portalUserIds(String businessId) {
        return em.createQuery("select m.userId from PortalMembershipEntity m where m.businessId = :id"
                        + " and m.userId is not null", String.class)
                .setParameter("id", businessId)
                .getResultList();
    }

    public void delete(BusinessEntity business) {
        for (String entity : new String[] {"GrantEntity", "PortalMembershipEntity"}) {
            em.createQuery("delete from " + entity + " e where e.businessId = :id").setParameter("id", business.getId())
                    .executeUpdate();
        }
        em.remove(business);
    }

    private <T> TypedQuery<T> filtered(String select, String organizationId, String search, ArchiveFilter filter,
            Reach reach, String order, Class<T> type) {
        StringBuilder jpql = new StringBuilder(select).append(" from BusinessEntity b where b.organizationId = :org");
        if (reach.restricted()) {
            jpql.append(" and exists (select g.id from GrantEntity g where g.businessId = b.id and ")
                    .append(GrantRepository.REACHES).append(")");
        }
        if (filter != ArchiveFilter.ANY) {
            jpql.append(" and b.archived = :archived");
        }
        if (search != null && !search.isBlank()) {
            jpql.append(" and (lower(b.name) like :search").append(LikePattern.ESCAPE)
                    .append(" or lower(b.externalRef) like :search").append(LikePattern.ESCAPE).append(")");
        }
        TypedQuery<T> query = em.createQuery(jpql.append(order).toString(), type).setParameter("org", organizationId);
        if (reach.restricted()) {
            GrantRepository.bindReach(query, reach.userId(), reach.teamIds());
        }
        if (filter != ArchiveFilter.ANY) {
            query.setParameter("archived", filter == ArchiveFilter.ARCHIVED);
        }
        if (search != null && !search.isBlank()) {
            query.setParameter("search", LikePattern.contains(search));
        }
        return query;
    }
}
