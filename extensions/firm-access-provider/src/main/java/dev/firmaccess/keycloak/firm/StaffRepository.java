package dev.firmaccess.keycloak.firm;

import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.storage.LikePattern;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Storage of staff roles; plain JPA so it can be exercised without a server. */
public final class StaffRepository {

    private final EntityManager em;

    public StaffRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<StaffEntity> find(String organizationId, String userId) {
        return em.createQuery(
                        "select s from StaffEntity s where s.organizationId = :org and s.userId = :user",
                        StaffEntity.class)
                .setParameter("org", organizationId)
                .setParameter("user", userId)
                .getResultStream()
                .findFirst();
    }

    /** A staff member's role: their stored role, or member when none was ever set. */
    public StaffRole roleOf(String organizationId, String userId) {
        return find(organizationId, userId).map(StaffEntity::getRole).orElse(StaffRole.MEMBER);
    }

    public List<StaffEntity> findByUser(String userId) {
        return em.createQuery("select s from StaffEntity s where s.userId = :user", StaffEntity.class)
                .setParameter("user", userId)
                .getResultList();
    }

    public List<StaffEntity> findByUsers(String organizationId, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery(
                        "select s from StaffEntity s where s.organizationId = :org and s.userId in :users",
                        StaffEntity.class)
                .setParameter("org", organizationId)
                .setParameter("users", userIds)
                .getResultList();
    }

    /** The ids of the firm's staff who hold one of some roles, ordered by user id. */
    public List<String> userIdsWithRoles(String organizationId, Collection<StaffRole> roles) {
        return em.createQuery("select s.userId from StaffEntity s where s.organizationId = :org and s.role in :roles"
                        + " order by s.userId", String.class)
                .setParameter("org", organizationId)
                .setParameter("roles", roles)
                .getResultList();
    }

    /**
     * Counts in one query the members of an organization whose username, email, first or last name
     * contains the search, as Keycloak's own member search matches them (a {@code *} in the search
     * stands for any text), so a filtered staff total never loads the members.
     */
    public long countMembers(String organizationGroupId, String search) {
        return em.createQuery("select count(m) from UserGroupMembershipEntity m where m.groupId = :group"
                        + " and (m.user.username like :pattern" + LikePattern.ESCAPE
                        + " or m.user.email like :pattern" + LikePattern.ESCAPE
                        + " or lower(m.user.firstName) like :pattern" + LikePattern.ESCAPE
                        + " or lower(m.user.lastName) like :pattern" + LikePattern.ESCAPE + ")", Long.class)
                .setParameter("group", organizationGroupId)
                .setParameter("pattern", LikePattern.contains(search).replace('*', '%'))
                .getSingleResult();
    }

    /**
     * How many of the organization's members hold each stored role, in one query. Members without
     * a stored role are members; the caller counts them from the organization's member count.
     */
    public Map<StaffRole, Long> countRolesOfMembers(String organizationId, String organizationGroupId) {
        Map<StaffRole, Long> counts = new EnumMap<>(StaffRole.class);
        em.createQuery("select s.role, count(s) from StaffEntity s, UserGroupMembershipEntity m"
                        + " where s.organizationId = :org and m.groupId = :group and m.user.id = s.userId"
                        + " group by s.role", Object[].class)
                .setParameter("org", organizationId)
                .setParameter("group", organizationGroupId)
                .getResultList()
                .forEach(row -> counts.put((StaffRole) row[0], (Long) row[1]));
        return counts;
    }

    /**
     * Counts the firm's owners while locking their rows, so that two owners demoting each other at
     * the same time cannot both succeed and leave the firm without an owner.
     */
    public long lockOwners(String organizationId) {
        return em.createQuery("select s from StaffEntity s where s.organizationId = :org and s.role = :owner",
                        StaffEntity.class)
                .setParameter("org", organizationId)
                .setParameter("owner", StaffRole.OWNER)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .size();
    }

    public int deleteForUser(String organizationId, String userId) {
        return em.createQuery("delete from StaffEntity s where s.organizationId = :org and s.userId = :user")
                .setParameter("org", organizationId)
                .setParameter("user", userId)
                .executeUpdate();
    }

    /** The stored row of a staff member, created with the defaults (member, programmatic access on) when absent. */
    public StaffEntity ensure(String realmId, String organizationId, String userId) {
        return find(organizationId, userId).orElseGet(() -> upsert(realmId, organizationId, userId, StaffRole.MEMBER));
    }

    public StaffEntity upsert(String realmId, String organizationId, String userId, StaffRole role) {
        return find(organizationId, userId)
                .map(existing -> {
                    existing.setRole(role);
                    return existing;
                })
                .orElseGet(() -> {
                    StaffEntity created = new StaffEntity();
                    created.placeNew(realmId, organizationId);
                    created.setUserId(userId);
                    created.setRole(role);
                    created.setProgrammaticAccess(true);
                    created.setCreatedAt(System.currentTimeMillis());
                    em.persist(created);
                    return created;
                });
    }
}
