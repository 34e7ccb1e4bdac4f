package dev.firmaccess.keycloak.access;

import dev.firmaccess.keycloak.access.GrantViews.BulkGrantItem;
import dev.firmaccess.keycloak.access.GrantViews.BulkRevokeItem;
import dev.firmaccess.keycloak.access.GrantViews.BusinessGrant;
import dev.firmaccess.keycloak.access.GrantViews.DirectGrant;
import dev.firmaccess.keycloak.access.GrantViews.TeamGrant;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmPermission;
import dev.firmaccess.keycloak.firm.TeamDirectory;
import dev.firmaccess.keycloak.storage.Jpa;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;

/**
 * Sharing businesses with staff and teams. Every call validates all of its input before it
 * writes anything, so a bulk call with one bad item changes nothing.
 */
public final class GrantService {

    private final FirmContext context;
    private final BusinessRepository businesses;
    private final GrantRepository grants;
    private final TeamDirectory teams;
    private final AccessLevels levels;

    public GrantService(FirmContext context) {
        this.context = context;
        EntityManager em = Jpa.entityManager(context.session());
        this.businesses = new BusinessRepository(em);
        this.grants = new GrantRepository(em);
        this.teams = TeamDirectory.of(context);
        this.levels = AccessLevels.of(context);
    }

    public List<BusinessGrant> forBusiness(BusinessEntity business, int first, int max) {
        context.actor().require(FirmPermission.VIEW_ALL);
        return grants.forBusiness(business.getId(), first, max).stream()
                .map(grant -> new BusinessGrant(grant.getBusinessId(), typeName(grant.getSubjectType()),
                        grant.getSubjectId(), subjectName(grant.getSubjectType(), grant.getSubjectId()),
                        grant.getAccessLevel()))
                .toList();
    }

    public long countForBusiness(BusinessEntity business) {
        return grants.countForBusiness(business.getId());
    }

    public List<TeamGrant> forTeam(GroupModel team, int first, int max) {
        context.actor().require(FirmPermission.VIEW_ALL);
        return grants.forTeam(context.firm().getId(), team.getId(), first, max).stream()
                .map(row -> {
                    GrantEntity grant = (GrantEntity) row[0];
                    return new TeamGrant(grant.getBusinessId(), ((BusinessEntity) row[1]).getName(),
                            grant.getAccessLevel());
                })
                .toList();
    }

    public long countForTeam(GroupModel team) {
        return grants.countForSubject(context.firm().getId(), GrantSubjectType.TEAM, team.getId());
    }

    /** The right to share and unshare, checked before anything about the business or subject is looked up. */
    public void requireMayShare() {
        context.actor().require(FirmPermission.MANAGE);
    }

    public BusinessGrant share(String businessId, GrantSubjectType type, String subjectId, String level) {
        requireMayShare();
        BusinessEntity business = businesses.require(context.firm().getId(), businessId);
        String checkedLevel = levels.require(level);
        requireSubject(type, subjectId);
        apply(business.getId(), type, subjectId, checkedLevel);
        return new BusinessGrant(business.getId(), typeName(type), subjectId, subjectName(type, subjectId), checkedLevel);
    }

    /**
     * Sets one cell of the access matrix: the subject's grant on the business at a level, or no
     * grant for a null level (removing none is no change). Audited like a share or an unshare.
     */
    public void set(String businessId, String subjectType, String subjectId, String level) {
        requireMayShare();
        GrantSubjectType type = subjectType(subjectType);
        if (level != null) {
            share(businessId, type, subjectId, level);
            return;
        }
        BusinessEntity business = businesses.require(context.firm().getId(), businessId);
        requireSubject(type, subjectId);
        if (findInFirm(business.getId(), type, subjectId).isPresent()) {
            unshare(businessId, type, subjectId);
        }
    }

    public void unshare(String businessId, GrantSubjectType type, String subjectId) {
        requireMayShare();
        BusinessEntity business = businesses.require(context.firm().getId(), businessId);
        GrantEntity grant = findInFirm(business.getId(), type, subjectId)
                .orElseThrow(() -> FirmAccessException.notFound("Grant not found"));
        grants.delete(grant);
        context.audit().record("grant.removed", "business", business.getId(), state(grant), null);
    }

    public int bulkShare(List<BulkGrantItem> items) {
        context.actor().require(FirmPermission.MANAGE);
        requireBulkSize(items);
        List<ResolvedGrant> resolved = items.stream()
                .map(item -> new ResolvedGrant(required(item.businessId(), "businessId"),
                        subjectType(item.subjectType()), required(item.subjectId(), "subjectId"),
                        levels.require(item.level())))
                .toList();
        requireDistinct(resolved);
        requireBusinesses(resolved.stream().map(ResolvedGrant::businessId).collect(Collectors.toSet()));
        resolved.stream().map(g -> Map.entry(g.type(), g.subjectId())).distinct()
                .forEach(subject -> requireSubject(subject.getKey(), subject.getValue()));

        List<Map<String, String>> changed = resolved.stream()
                .filter(g -> apply(g.businessId(), g.type(), g.subjectId(), g.level(), false))
                .map(ResolvedGrant::state)
                .toList();
        if (!changed.isEmpty()) {
            context.audit().record("grant.bulk_added", "firm", context.firm().getId(), null, Map.of("grants", changed));
        }
        return changed.size();
    }

    public int bulkRevoke(List<BulkRevokeItem> items) {
        context.actor().require(FirmPermission.MANAGE);
        requireBulkSize(items);
        List<GrantEntity> revoked = items.stream()
                .map(item -> findInFirm(required(item.businessId(), "businessId"), subjectType(item.subjectType()),
                        required(item.subjectId(), "subjectId"))
                        .orElseThrow(() -> FirmAccessException.notFound("No grant of business " + item.businessId()
                                + " to " + item.subjectType() + " " + item.subjectId())))
                .toList();
        if (new HashSet<>(revoked).size() != revoked.size()) {
            throw FirmAccessException.badInput("The same grant is listed more than once");
        }
        revoked.forEach(grants::delete);
        context.audit().record("grant.bulk_revoked", "firm", context.firm().getId(),
                Map.of("grants", revoked.stream().map(GrantService::state).toList()), Map.of("grants", List.of()));
        return revoked.size();
    }

    /** Makes the member's direct grants exactly the given ones; team grants stay as they are. */
    public void replaceDirect(UserModel member, List<DirectGrant> wanted) {
        context.actor().require(FirmPermission.MANAGE);
        requireBulkSize(wanted);
        Map<String, String> target = new LinkedHashMap<>();
        for (DirectGrant grant : wanted) {
            String level = levels.require(grant.level());
            if (target.put(required(grant.businessId(), "businessId"), level) != null) {
                throw FirmAccessException.badInput("Business " + grant.businessId() + " is listed more than once");
            }
        }
        requireBusinesses(target.keySet());

        List<GrantEntity> current = grants.forSubject(context.firm().getId(), GrantSubjectType.USER,
                member.getId());
        Map<String, String> before = current.stream()
                .collect(Collectors.toMap(GrantEntity::getBusinessId, GrantEntity::getAccessLevel));
        current.stream().filter(g -> !target.containsKey(g.getBusinessId())).forEach(grants::delete);
        target.forEach((businessId, level) -> apply(businessId, GrantSubjectType.USER, member.getId(), level, false));
        if (!before.equals(target)) {
            context.audit().record("access.replaced", "staff", member.getId(), Map.of("direct", before),
                    Map.of("direct", target));
        }
    }

    /** Gives the member a direct grant on every current active business. */
    public int assignAll(UserModel member, String level) {
        context.actor().require(FirmPermission.MANAGE);
        String checkedLevel = levels.require(level);
        int changed = (int) businesses.activeIds(context.firm().getId()).stream()
                .filter(businessId -> apply(businessId, GrantSubjectType.USER, member.getId(), checkedLevel, false))
                .count();
        context.audit().record("access.assigned_all", "staff", member.getId(), null,
                Map.of("level", checkedLevel, "changed", changed));
        return changed;
    }

    private void apply(String businessId, GrantSubjectType type, String subjectId, String level) {
        apply(businessId, type, subjectId, level, true);
    }

    /** Creates or updates one grant; answers whether anything changed. */
    private boolean apply(String businessId, GrantSubjectType type, String subjectId, String level, boolean audited) {
        Optional<GrantEntity> existing = findInFirm(businessId, type, subjectId);
        if (existing.isPresent() && existing.get().getAccessLevel().equals(level)) {
            return false;
        }
        Map<String, String> before = existing.map(GrantService::state).orElse(null);
        GrantEntity grant = existing.orElseGet(() -> grants.create(context.firm().getId(), businessId, type,
                subjectId, level, context.actor().userId()));
        grant.setAccessLevel(level);
        if (audited) {
            context.audit().record(before == null ? "grant.added" : "grant.changed", "business", businessId, before,
                    state(grant));
        }
        return true;
    }

    /** A grant of this firm only: ids of another firm's businesses find nothing. */
    private Optional<GrantEntity> findInFirm(String businessId, GrantSubjectType type, String subjectId) {
        return grants.find(businessId, type, subjectId)
                .filter(grant -> grant.getOrganizationId().equals(context.firm().getId()));
    }

    private void requireSubject(GrantSubjectType type, String subjectId) {
        if (type == GrantSubjectType.USER) {
            context.requireStaffMember(subjectId);
        } else if (teams.find(subjectId).isEmpty()) {
            throw FirmAccessException.notFound("Team not found: " + subjectId);
        }
    }

    private void requireBusinesses(Collection<String> businessIds) {
        Set<String> found = businesses.findAll(context.firm().getId(), businessIds).stream()
                .map(BusinessEntity::getId).collect(Collectors.toSet());
        businessIds.stream().filter(id -> !found.contains(id)).findFirst().ifPresent(missing -> {
            throw FirmAccessException.notFound("Business not found: " + missing);
        });
    }

    private String subjectName(GrantSubjectType type, String subjectId) {
        if (type == GrantSubjectType.TEAM) {
            return teams.find(subjectId).map(GroupModel::getName).orElse(null);
        }
        UserModel user = context.session().users().getUserById(context.realm(), subjectId);
        return user == null ? null : user.getUsername();
    }

    private void requireBulkSize(List<?> items) {
        if (items == null) {
            throw FirmAccessException.badInput("'grants' is required");
        }
        int limit = context.limits().bulkGrants();
        if (items.size() > limit) {
            throw FirmAccessException.badInput("At most " + limit + " grants per call");
        }
        // Not contains(null): immutable lists (List.of) throw on it instead of answering.
        if (items.stream().anyMatch(Objects::isNull)) {
            throw FirmAccessException.badInput("'grants' must not contain null");
        }
    }

    private static void requireDistinct(List<ResolvedGrant> grants) {
        long distinct = grants.stream().map(g -> List.of(g.businessId(), g.type().name(), g.subjectId())).distinct()
                .count();
        if (distinct != grants.size()) {
            throw FirmAccessException.badInput("The same business and subject are listed more than once");
        }
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw FirmAccessException.badInput("'" + field + "' is required in every grant");
        }
        return value;
    }

    static GrantSubjectType subjectType(String value) {
        if ("user".equals(value)) {
            return GrantSubjectType.USER;
        }
        if ("team".equals(value)) {
            return GrantSubjectType.TEAM;
        }
        throw FirmAccessException.badInput("'subjectType' must be 'user' or 'team'");
    }

    static String typeName(GrantSubjectType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> state(GrantEntity grant) {
        return Map.of("businessId", grant.getBusinessId(), "subjectType", typeName(grant.getSubjectType()),
                "subjectId", grant.getSubjectId(), "level", grant.getAccessLevel());
    }

    private record ResolvedGrant(String businessId, GrantSubjectType type, String subjectId, String level) {
        Map<String, String> state() {
            return Map.of("businessId", businessId, "subjectType", typeName(type), "subjectId", subjectId,
                    "level", level);
        }
    }
}
