package dev.firmaccess.keycloak.access;

import dev.firmaccess.keycloak.access.GrantRequests.ResolvedGrant;
import dev.firmaccess.keycloak.access.GrantViews.BulkGrantItem;
import dev.firmaccess.keycloak.access.GrantViews.BulkRevokeItem;
import dev.firmaccess.keycloak.access.GrantViews.BusinessGrant;
import dev.firmaccess.keycloak.access.GrantViews.DirectGrant;
import dev.firmaccess.keycloak.access.GrantViews.TeamGrant;
import dev.firmaccess.keycloak.access.ReachEviction.Subject;
import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.core.RealmUsers;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmPermission;
import dev.firmaccess.keycloak.firm.TeamDirectory;
import dev.firmaccess.keycloak.storage.Jpa;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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
    private final ReachEviction eviction;

    public GrantService(FirmContext context) {
        this.context = context;
        EntityManager em = Jpa.entityManager(context.session());
        this.businesses = new BusinessRepository(em);
        this.grants = new GrantRepository(em);
        this.teams = TeamDirectory.of(context);
        this.levels = AccessLevels.of(context);
        this.eviction = new ReachEviction(context);
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
        apply(findInFirm(business.getId(), type, subjectId),
                new ResolvedGrant(business.getId(), type, subjectId, checkedLevel), true);
        eviction.subject(type, subjectId);
        return new BusinessGrant(business.getId(), typeName(type), subjectId, subjectName(type, subjectId), checkedLevel);
    }

    /**
     * Sets one cell of the access matrix: the subject's grant on the business at a level, or no
     * grant for a null level (removing none is no change). Audited like a share or an unshare.
     */
    public void set(String businessId, String subjectType, String subjectId, String level) {
        requireMayShare();
        GrantSubjectType type = GrantRequests.subjectType(subjectType);
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
        eviction.grants(List.of(grant));
        context.audit().record("grant.removed", "business", business.getId(), state(grant), null);
    }

    public int bulkShare(List<BulkGrantItem> items) {
        context.actor().require(FirmPermission.MANAGE);
        List<ResolvedGrant> resolved = GrantRequests.toShare(items, levels, context.limits().bulkGrants());
        requireBusinesses(resolved.stream().map(ResolvedGrant::businessId).collect(Collectors.toSet()));
        resolved.stream().map(g -> Map.entry(g.type(), g.subjectId())).distinct()
                .forEach(subject -> requireSubject(subject.getKey(), subject.getValue()));

        Map<Subject, Map<String, GrantEntity>> current = currentGrants(resolved.stream().map(ResolvedGrant::subject)
                .toList());
        List<ResolvedGrant> applied = resolved.stream()
                .filter(g -> apply(Optional.ofNullable(current.get(g.subject()).get(g.businessId())), g, false))
                .toList();
        eviction.evict(applied.stream().map(ResolvedGrant::subject).toList());
        List<Map<String, String>> changed = applied.stream().map(ResolvedGrant::state).toList();
        if (!changed.isEmpty()) {
            context.audit().record("grant.bulk_added", "firm", context.firm().getId(), null, Map.of("grants", changed));
        }
        return changed.size();
    }

    public int bulkRevoke(List<BulkRevokeItem> items) {
        context.actor().require(FirmPermission.MANAGE);
        GrantRequests.requireSize(items, context.limits().bulkGrants());
        List<Map.Entry<Subject, String>> wanted = items.stream()
                .map(item -> Map.entry(new Subject(GrantRequests.subjectType(item.subjectType()),
                        GrantRequests.required(item.subjectId(), "subjectId")),
                        GrantRequests.required(item.businessId(), "businessId")))
                .toList();
        Map<Subject, Map<String, GrantEntity>> current = currentGrants(wanted.stream().map(Map.Entry::getKey).toList());
        List<GrantEntity> revoked = wanted.stream()
                .map(item -> Optional.ofNullable(current.get(item.getKey()).get(item.getValue()))
                        .orElseThrow(() -> FirmAccessException.notFound("No grant of business " + item.getValue()
                                + " to " + typeName(item.getKey().type()) + " " + item.getKey().id())))
                .toList();
        if (new HashSet<>(revoked).size() != revoked.size()) {
            throw FirmAccessException.of(ErrorCode.DUPLICATE_ITEM, "The same grant is listed more than once");
        }
        revoked.forEach(grants::delete);
        eviction.grants(revoked);
        context.audit().record("grant.bulk_revoked", "firm", context.firm().getId(),
                Map.of("grants", revoked.stream().map(GrantService::state).toList()), Map.of("grants", List.of()));
        return revoked.size();
    }

    /**
     * Makes the member's direct grants exactly the given ones, in one change; team grants stay as
     * they are. With a scope (business ids), only grants on those businesses are added, changed or
     * removed, and every wanted grant must lie within it; without one, all direct grants are replaced.
     */
    public void replaceDirect(UserModel member, List<DirectGrant> wanted, List<String> scope) {
        context.actor().require(FirmPermission.MANAGE);
        Map<String, String> target = GrantRequests.directTarget(wanted, levels, context.limits().bulkGrants());
        Set<String> within = scope == null ? null : new HashSet<>(scope);
        if (within != null) {
            if (within.stream().anyMatch(businessId -> businessId == null || businessId.isBlank())) {
                throw FirmAccessException.badInput("'scope' lists business ids, none of them blank");
            }
            GrantRequests.requireSize(scope, context.limits().bulkGrants());
            target.keySet().stream().filter(businessId -> !within.contains(businessId)).findFirst()
                    .ifPresent(outside -> {
                        throw FirmAccessException.badInput("Business " + outside + " is not in the scope");
                    });
            requireBusinesses(within);
        }
        requireBusinesses(target.keySet());

        Subject subject = new Subject(GrantSubjectType.USER, member.getId());
        Map<String, GrantEntity> current = new HashMap<>(currentGrants(List.of(subject)).get(subject));
        if (within != null) {
            current.keySet().retainAll(within);
        }
        Map<String, String> before = current.values().stream()
                .collect(Collectors.toMap(GrantEntity::getBusinessId, GrantEntity::getAccessLevel));
        current.values().stream().filter(g -> !target.containsKey(g.getBusinessId())).forEach(grants::delete);
        target.forEach((businessId, level) -> apply(Optional.ofNullable(current.get(businessId)),
                new ResolvedGrant(businessId, GrantSubjectType.USER, member.getId(), level), false));
        eviction.subject(GrantSubjectType.USER, member.getId());
        if (!before.equals(target)) {
            context.audit().record("access.replaced", "staff", member.getId(), Map.of("direct", before),
                    Map.of("direct", target));
        }
    }

    /** Gives the member a direct grant on every current active business. */
    public int assignAll(UserModel member, String level) {
        context.actor().require(FirmPermission.MANAGE);
        String checkedLevel = levels.require(level);
        Subject subject = new Subject(GrantSubjectType.USER, member.getId());
        Map<String, GrantEntity> current = currentGrants(List.of(subject)).get(subject);
        int changed = (int) businesses.activeIds(context.firm().getId()).stream()
                .filter(businessId -> apply(Optional.ofNullable(current.get(businessId)),
                        new ResolvedGrant(businessId, GrantSubjectType.USER, member.getId(), checkedLevel), false))
                .count();
        eviction.subject(GrantSubjectType.USER, member.getId());
        context.audit().record("access.assigned_all", "staff", member.getId(), null,
                Map.of("level", checkedLevel, "changed", changed));
        return changed;
    }

    /**
     * The firm's grants of each subject by business id, one query per distinct subject. Bulk changes
     * look their grants up here instead of querying per item: a query amid thousands of pending
     * writes makes Hibernate flush and check all of them each time.
     */
    private Map<Subject, Map<String, GrantEntity>> currentGrants(Collection<Subject> subjects) {
        Map<Subject, Map<String, GrantEntity>> current = new HashMap<>();
        for (Subject subject : new LinkedHashSet<>(subjects)) {
            current.put(subject, grants.forSubject(context.firm().getId(), subject.type(), subject.id()).stream()
                    .collect(Collectors.toMap(GrantEntity::getBusinessId, Function.identity())));
        }
        return current;
    }

    /** Creates or updates one grant; answers whether anything changed. */
    private boolean apply(Optional<GrantEntity> existing, ResolvedGrant wanted, boolean audited) {
        if (existing.isPresent() && existing.get().getAccessLevel().equals(wanted.level())) {
            return false;
        }
        Map<String, String> before = existing.map(GrantService::state).orElse(null);
        GrantEntity grant = existing.orElseGet(() -> grants.create(context.firm().getId(), wanted.businessId(),
                wanted.type(), wanted.subjectId(), wanted.level(), context.actor().userId()));
        grant.setAccessLevel(wanted.level());
        if (audited) {
            context.audit().record(before == null ? "grant.added" : "grant.changed", "business", wanted.businessId(),
                    before, state(grant));
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
        UserModel user = RealmUsers.find(context.session(), context.realm(), subjectId);
        return user == null ? null : user.getUsername();
    }

    static String typeName(GrantSubjectType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> state(GrantEntity grant) {
        return Map.of("businessId", grant.getBusinessId(), "subjectType", typeName(grant.getSubjectType()),
                "subjectId", grant.getSubjectId(), "level", grant.getAccessLevel());
    }
}
