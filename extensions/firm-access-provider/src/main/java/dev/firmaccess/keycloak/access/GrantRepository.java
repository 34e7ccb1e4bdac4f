package dev.firmaccess.keycloak.access;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Storage of grants. The queries that decide a member's reach select by the (subject type,
 * subject id, firm) index and join active businesses, so their cost follows the member's grants,
 * not the firm's size.
 */
public final class GrantRepository {

    public static final String REACHES = "g.organizationId = :org and ((g.subjectType = :user and g.subjectId = :userId)"
            + " or (g.subjectType = :team and g.subjectId in :teamIds))";
    private static final String ACTIVE = "exists (select b.id from BusinessEntity b where b.id = g.businessId"
            + " and b.archived = false)";

    private static final String BUSINESS_ID = "g.businessId as businessId";

    /** How many business ids a decision query takes: a shorter list is padded to the next size, a longer one split. */
    private static final int[] ID_SLOTS = {1, 10, 100};

    private final EntityManager em;

    public GrantRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<GrantEntity> find(String businessId, GrantSubjectType type, String subjectId) {
        return em.createQuery("select g from GrantEntity g where g.businessId = :business and g.subjectType = :type"
                        + " and g.subjectId = :subject", GrantEntity.class)
                .setParameter("business", businessId)
                .setParameter("type", type)
                .setParameter("subject", subjectId)
                .getResultStream()
                .findFirst();
    }

    /** The grants that reach a staff member directly or through their teams on some businesses: one page of them. */
    public List<GrantRow> reaching(String organizationId, String userId, Collection<String> teamIds,
            Collection<String> businessIds) {
        if (businessIds.isEmpty()) {
            return List.of();
        }
        return reachingQuery("select new " + GrantRow.class.getName()
                        + "(g.businessId, g.subjectType, g.subjectId, g.accessLevel) from GrantEntity g where " + REACHES
                        + " and g.businessId in :businesses", organizationId, userId, teamIds, GrantRow.class)
                .setParameter("businesses", businessIds)
                .getResultList();
    }

    /**
     * The active businesses of the realm among some ids, each with its firm and the grants on it
     * that reach a user directly or through any of their groups; ids that are not such a business
     * are absent. Teams are groups, so the caller keeps only the grants of the teams it knows of the
     * firm. Two queries answer a single decision, and two per hundred businesses a batch about one
     * subject.
     */
    public Map<String, BusinessGrants> onActiveBusinessesForUser(String realmId, Collection<String> businessIds,
            String userId) {
        Map<String, String> firmIds = new HashMap<>();
        Map<String, List<GrantRow>> grants = new HashMap<>();
        List<String> ids = List.copyOf(new LinkedHashSet<>(businessIds));
        int most = ID_SLOTS[ID_SLOTS.length - 1];
        for (int from = 0; from < ids.size(); from += most) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + most));
            int slots = Arrays.stream(ID_SLOTS).filter(size -> size >= chunk.size()).findFirst().orElseThrow();
            for (Object[] row : bindIds(em.createQuery("select b.id, b.organizationId from BusinessEntity b where "
                    + anyOf("b.id", slots) + " and b.realmId = :realm and b.archived = false", Object[].class), chunk, slots)
                    .setParameter("realm", realmId)
                    .getResultList()) {
                firmIds.put((String) row[0], (String) row[1]);
                grants.put((String) row[0], new ArrayList<>());
            }
            for (Object[] row : bindIds(reachingUserQuery(anyOf("g.businessId", slots) + " and", userId), chunk, slots)
                    .getResultList()) {
                List<GrantRow> reaching = grants.get((String) row[0]);
                if (reaching != null) {
                    reaching.add(grantRow(row));
                }
            }
        }
        Map<String, BusinessGrants> found = new HashMap<>();
        firmIds.forEach((id, firmId) -> found.put(id, new BusinessGrants(firmId, List.copyOf(grants.get(id)))));
        return found;
    }

    /**
     * Every grant that reaches a user directly or through any of their groups, in every firm of the
     * realm, at most {@code maxRows} of them: the two halves of the subject index, no business read.
     */
    public List<GrantRow> reachingUser(String userId, int maxRows) {
        return reachingUserQuery("", userId)
                .setMaxResults(maxRows)
                .getResultStream()
                .map(GrantRepository::grantRow)
                .toList();
    }

    /**
     * The (business id, subject type, subject id, level) of the grants that reach a user directly or
     * through any of their groups and meet {@code condition} (empty, or ending in {@code and}): two
     * halves that each match an index, rather than one "or" the database cannot.
     */
    private TypedQuery<Object[]> reachingUserQuery(String condition, String userId) {
        String select = "select g.businessId, g.subjectType, g.subjectId, g.accessLevel from GrantEntity g where "
                + condition;
        return em.createQuery(select + " g.subjectType = :user and g.subjectId = :userId union all " + select
                        + " g.subjectType = :team and g.subjectId in"
                        + " (select m.groupId from UserGroupMembershipEntity m where m.user.id = :userId)", Object[].class)
                .setParameter("user", GrantSubjectType.USER)
                .setParameter("team", GrantSubjectType.TEAM)
                .setParameter("userId", userId);
    }

    private static GrantRow grantRow(Object[] row) {
        return new GrantRow((String) row[0], (GrantSubjectType) row[1], (String) row[2], (String) row[3]);
    }

    /** Binds the ids to the query's {@code slots} id parameters, the last id repeated to fill them. */
    private static <T> TypedQuery<T> bindIds(TypedQuery<T> query, List<String> ids, int slots) {
        for (int slot = 0; slot < slots; slot++) {
            query.setParameter("id" + slot, ids.get(Math.min(slot, ids.size() - 1)));
        }
        return query;
    }

    /**
     * {@code (column = :id0 or column = :id1 ...)}. Hibernate translates a query afresh on every run
     * when any of its parameters may take a list, as one in an {@code in (...)} may, and the
     * translation costs more than the run; equalities to single-valued parameters in a few fixed
     * numbers ({@link #ID_SLOTS}, the last id repeated to fill them) let it keep the translation.
     */
    private static String anyOf(String column, int slots) {
        return IntStream.range(0, slots).mapToObj(slot -> column + " = :id" + slot)
                .collect(Collectors.joining(" or ", "(", ")"));
    }

    /**
     * One page of the active businesses a staff member reaches directly or through their teams,
     * ordered by id, optionally only through grants of some levels. Bounded by the page, so a
     * token or a search costs the same whatever the member's number of grants.
     */
    public List<String> reachedBusinessIds(String organizationId, String userId, Collection<String> teamIds,
            Collection<String> levels, int first, int max) {
        return reachingQuery(reached(levels, BUSINESS_ID, "union") + " order by businessId", organizationId, userId, teamIds, levels,
                String.class)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * The (business id, level) of the grants that reach a staff member on active businesses,
     * ordered by business id, at most {@code maxRows} rows: one query, in two halves that each
     * match the subject index. A business has at most one grant per subject, so the first
     * {@code n} businesses are complete within {@code n * (1 + teams)} rows.
     */
    public List<Object[]> reachingLevels(String organizationId, String userId, Collection<String> teamIds,
            int maxRows) {
        return reachingQuery(reached(null, "g.businessId as businessId, g.accessLevel as accessLevel", "union all")
                        + " order by businessId", organizationId, userId, teamIds, null, Object[].class)
                .setMaxResults(maxRows)
                .getResultList();
    }

    /** How many active businesses {@link #reachedBusinessIds} pages through. */
    public long countReachedBusinesses(String organizationId, String userId, Collection<String> teamIds,
            Collection<String> levels) {
        return reachingQuery("select count(*) from (" + reached(levels, BUSINESS_ID, "union") + ") reached", organizationId, userId,
                teamIds, levels, Long.class)
                .getSingleResult();
    }

    /**
     * The (business id, subject id, level) of the grants between some businesses and some subjects
     * of one kind: the cells of one page of the access matrix, in one query bounded by the page.
     */
    public List<Object[]> cells(String organizationId, GrantSubjectType type, Collection<String> businessIds,
            Collection<String> subjectIds) {
        if (businessIds.isEmpty() || subjectIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select g.businessId, g.subjectId, g.accessLevel from GrantEntity g"
                        + " where g.organizationId = :org and g.subjectType = :type and g.businessId in :businesses"
                        + " and g.subjectId in :subjects", Object[].class)
                .setParameter("org", organizationId)
                .setParameter("type", type)
                .setParameter("businesses", businessIds)
                .setParameter("subjects", subjectIds)
                .getResultList();
    }

    /** Every grant on one business; bounded by the firm's staff and teams, not by its businesses. */
    public List<GrantEntity> forBusiness(String businessId) {
        return forBusiness(businessId, 0, Integer.MAX_VALUE);
    }

    public List<GrantEntity> forBusiness(String businessId, int first, int max) {
        return em.createQuery("select g from GrantEntity g where g.businessId = :business order by g.createdAt, g.id",
                        GrantEntity.class)
                .setParameter("business", businessId)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    public long countForBusiness(String businessId) {
        return em.createQuery("select count(g) from GrantEntity g where g.businessId = :business", Long.class)
                .setParameter("business", businessId)
                .getSingleResult();
    }

    /** A team's grants with their businesses, ordered by business name. */
    public List<Object[]> forTeam(String organizationId, String teamId, int first, int max) {
        return em.createQuery("select g, b from GrantEntity g, BusinessEntity b where b.id = g.businessId"
                        + " and g.organizationId = :org and g.subjectType = :team and g.subjectId = :teamId"
                        + " order by lower(b.name), b.id", Object[].class)
                .setParameter("org", organizationId)
                .setParameter("team", GrantSubjectType.TEAM)
                .setParameter("teamId", teamId)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    public long countForSubject(String organizationId, GrantSubjectType type, String subjectId) {
        return ofSubject("select count(g)", Long.class, organizationId, type, subjectId).getSingleResult();
    }

    public List<GrantEntity> forSubject(String organizationId, GrantSubjectType type, String subjectId) {
        return ofSubject("select g", GrantEntity.class, organizationId, type, subjectId).getResultList();
    }

    /** What {@code select} reads of the grants {@code g} that one subject holds in a firm. */
    private <T> TypedQuery<T> ofSubject(String select, Class<T> result, String organizationId, GrantSubjectType type,
            String subjectId) {
        return em.createQuery(select + " from GrantEntity g where g.organizationId = :org and g.subjectType = :type"
                        + " and g.subjectId = :subject", result)
                .setParameter("org", organizationId)
                .setParameter("type", type)
                .setParameter("subject", subjectId);
    }

    public GrantEntity create(String organizationId, String businessId, GrantSubjectType type, String subjectId,
            String level, String createdBy) {
        GrantEntity grant = new GrantEntity();
        grant.placeNew(organizationId);
        grant.setBusinessId(businessId);
        grant.setSubjectType(type);
        grant.setSubjectId(subjectId);
        grant.setAccessLevel(level);
        grant.setCreatedBy(createdBy);
        grant.setCreatedAt(System.currentTimeMillis());
        em.persist(grant);
        return grant;
    }

    public List<GrantEntity> atLevel(String organizationId, String level) {
        return em.createQuery("select g from GrantEntity g where g.organizationId = :org and g.accessLevel = :level",
                        GrantEntity.class)
                .setParameter("org", organizationId)
                .setParameter("level", level)
                .getResultList();
    }

    /** Moves every grant of the firm at one level to another; returns how many moved. */
    public int moveLevel(String organizationId, String from, String to) {
        return firmWide("update GrantEntity g set g.accessLevel = :to where g.organizationId = :org"
                + " and g.accessLevel = :from", organizationId, Map.of("from", from, "to", to));
    }

    public void delete(GrantEntity grant) {
        em.remove(grant);
    }

    public int deleteForSubject(String organizationId, GrantSubjectType type, String subjectId) {
        return firmWide("delete from GrantEntity g where g.organizationId = :org and g.subjectType = :type"
                + " and g.subjectId = :subject", organizationId, Map.of("type", type, "subject", subjectId));
    }

    /** Runs a bulk update or delete over the grants of one firm ({@code :org}) with further parameters. */
    private int firmWide(String jpql, String organizationId, Map<String, Object> parameters) {
        Query query = em.createQuery(jpql).setParameter("org", organizationId);
        parameters.forEach(query::setParameter);
        return query.executeUpdate();
    }

    private TypedQuery<GrantEntity> reachingQuery(String jpql, String organizationId, String userId,
            Collection<String> teamIds) {
        return reachingQuery(jpql, organizationId, userId, teamIds, GrantEntity.class);
    }

    private <T> TypedQuery<T> reachingQuery(String jpql, String organizationId, String userId,
            Collection<String> teamIds, Class<T> type) {
        return bindReach(em.createQuery(jpql, type).setParameter("org", organizationId), userId, teamIds);
    }

    /**
     * The ids of the reached businesses as a union of direct and team grants: each side matches
     * the (subject type, subject id, firm) index, where one query with {@link #REACHES}' "or"
     * made the database scan every grant of the realm.
     */
    private static String reached(Collection<String> levels, String columns, String union) {
        String level = levels == null ? "" : " and g.accessLevel in :levels";
        return "select " + columns + " from GrantEntity g where g.organizationId = :org"
                + " and g.subjectType = :user and g.subjectId = :userId and " + ACTIVE + level
                + " " + union + " select " + columns + " from GrantEntity g where g.organizationId = :org"
                + " and g.subjectType = :team and g.subjectId in :teamIds and " + ACTIVE + level;
    }

    private <T> TypedQuery<T> reachingQuery(String jpql, String organizationId, String userId,
            Collection<String> teamIds, Collection<String> levels, Class<T> type) {
        TypedQuery<T> query = reachingQuery(jpql, organizationId, userId, teamIds, type);
        return levels == null ? query : query.setParameter("levels", levels);
    }

    /** Binds the parameters of {@link #REACHES} except the firm. */
    public static <T> TypedQuery<T> bindReach(TypedQuery<T> query, String userId, Collection<String> teamIds) {
        // An empty IN list is invalid SQL on some databases; no team can have an empty id.
        Collection<String> teams = teamIds.isEmpty() ? List.of("") : teamIds;
        return query.setParameter("user", GrantSubjectType.USER)
                .setParameter("userId", userId)
                .setParameter("team", GrantSubjectType.TEAM)
                .setParameter("teamIds", teams);
    }
}
