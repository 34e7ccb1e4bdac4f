package dev.firmaccess.keycloak.staff;

import dev.firmaccess.keycloak.access.BusinessRepository;
import dev.firmaccess.keycloak.access.BusinessRepository.ArchiveFilter;
import dev.firmaccess.keycloak.access.BusinessRepository.Reach;
import dev.firmaccess.keycloak.audit.AuditLog;
import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmPermission;
import dev.firmaccess.keycloak.firm.MembershipAudit;
import dev.firmaccess.keycloak.firm.StaffAccessCache;
import dev.firmaccess.keycloak.firm.StaffEntity;
import dev.firmaccess.keycloak.firm.StaffRepository;
import dev.firmaccess.keycloak.firm.TeamDirectory;
import dev.firmaccess.keycloak.storage.Jpa;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;

/** Listing staff and changing their role, programmatic access and membership. */
public final class StaffService {

    private final FirmContext context;
    private final BusinessRepository businesses;
    private final TeamDirectory teams;
    private final StaffRepository staffRecords;

    public StaffService(FirmContext context) {
        this.context = context;
        EntityManager em = Jpa.entityManager(context.session());
        this.businesses = new BusinessRepository(em);
        this.teams = TeamDirectory.of(context);
        this.staffRecords = new StaffRepository(em);
    }

    public List<StaffView> page(String search, int first, int max) {
        context.actor().require(FirmPermission.VIEW_ALL);
        List<UserModel> members = context.organizations()
                .getMembersStream(context.firm(), blankToNull(search), false, first, max).toList();
        Map<String, StaffEntity> rows = staffRecords
                .findByUsers(context.firm().getId(), members.stream().map(UserModel::getId).toList()).stream()
                .collect(Collectors.toMap(StaffEntity::getUserId, Function.identity()));
        long allBusinesses = activeBusinessCount();
        return members.stream().map(user -> view(user, rows.get(user.getId()), allBusinesses)).toList();
    }

    /**
     * The first staff members of the firm for a people picker: names only, without the role, teams
     * and reach a {@link #page} works out for each member.
     */
    public List<StaffOption> options(int max) {
        context.actor().require(FirmPermission.VIEW_ALL);
        return context.organizations().getMembersStream(context.firm(), (String) null, false, 0, max)
                .map(user -> new StaffOption(user.getId(), user.getUsername()))
                .toList();
    }

    public long count(String search) {
        context.actor().require(FirmPermission.VIEW_ALL);
        String term = blankToNull(search);
        return term == null
                ? context.organizations().getMembersCount(context.firm())
                : staffRecords.countMembers(context.organizations().getOrganizationGroup(context.firm()).getId(), term);
    }

    public StaffView get(String userId) {
        if (!context.actor().is(userId)) {
            context.actor().require(FirmPermission.VIEW_ALL);
        }
        UserModel user = context.requireStaffMember(userId);
        return view(user, staffRecords.find(context.firm().getId(), userId).orElse(null), activeBusinessCount());
    }

    public StaffView changeRole(String userId, StaffRole target) {
        context.actor().require(FirmPermission.MANAGE);
        UserModel user = context.requireStaffMember(userId);
        StaffRole current = staffRecords.roleOf(context.firm().getId(), userId);
        StaffPolicy.checkRoleChange(context.actor(), current, target, staffRecords.lockOwners(context.firm().getId()));
        if (current != target) {
            staffRecords.upsert(context.realm().getId(), context.firm().getId(), userId, target);
            StaffAccessCache.evict(context.session(), context.realm(), List.of(userId));
            context.audit().record("staff.role_changed", "staff", userId,
                    Map.of("role", current.canonicalName()), Map.of("role", target.canonicalName()));
        }
        return get(user.getId());
    }

    public StaffView setProgrammaticAccess(String userId, boolean enabled) {
        context.actor().require(FirmPermission.MANAGE);
        context.requireStaffMember(userId);
        StaffPolicy.requireMayManage(context.actor(), staffRecords.roleOf(context.firm().getId(), userId));
        StaffEntity row = staffRecords.ensure(context.realm().getId(), context.firm().getId(), userId);
        if (row.isProgrammaticAccess() != enabled) {
            row.setProgrammaticAccess(enabled);
            StaffAccessCache.evict(context.session(), context.realm(), List.of(userId));
            context.audit().record("staff.programmatic_access_changed", "staff", userId,
                    Map.of("programmaticAccess", !enabled), Map.of("programmaticAccess", enabled));
        }
        return get(userId);
    }

    /**
     * Ends the native organization membership; the membership-leave listener then removes the
     * staff role, direct grants and team memberships in the same transaction.
     */
    public void remove(String userId) {
        context.actor().require(FirmPermission.MANAGE);
        UserModel user = context.requireStaffMember(userId);
        StaffRole current = staffRecords.roleOf(context.firm().getId(), userId);
        StaffPolicy.checkRemoval(context.actor(), current, staffRecords.lockOwners(context.firm().getId()));
        MembershipAudit.recordedByThisRequest(context.session(), MembershipAudit.Change.LEFT, context.firm().getId(),
                userId);
        context.organizations().removeMember(context.firm(), user);
        recordRemoval(context.audit(), current, user);
    }

    /**
     * The audit record of a removal from the firm, one shape wherever the removal was made (here, or
     * in Keycloak's own Organizations pages), since apps read it as the {@code staff.removed} event.
     */
    public static void recordRemoval(AuditLog audit, StaffRole role, UserModel user) {
        audit.record("staff.removed", "staff", user.getId(),
                Map.of("role", role.canonicalName(), "username", user.getUsername()), null);
    }

    /**
     * The audit record of someone who joined the firm as a member without an invitation or the joiner
     * rules, e.g. added by a realm administrator in Keycloak's own Organizations pages; apps read it
     * as the {@code staff.added} event, as they read those two.
     */
    public static void recordAddition(AuditLog audit, UserModel user) {
        audit.record("staff.added", "staff", user.getId(), null,
                Map.of("role", StaffRole.MEMBER.canonicalName(), "username", user.getUsername()));
    }

    private StaffView view(UserModel user, StaffEntity row, long allBusinesses) {
        StaffRole role = row == null ? StaffRole.MEMBER : row.getRole();
        List<GroupModel> userTeams = teams.teamsOf(user);
        long businessCount = role.reachesAllBusinesses()
                ? allBusinesses
                : businesses.count(context.firm().getId(), null, ArchiveFilter.ACTIVE,
                        new Reach(user.getId(), userTeams.stream().map(GroupModel::getId).toList()));
        return new StaffView(user.getId(), user.getUsername(), user.getEmail(), user.getFirstName(), user.getLastName(),
                role.canonicalName(), context.settings().labelOf(role), row == null || row.isProgrammaticAccess(),
                userTeams.stream().map(team -> new StaffView.TeamRef(team.getId(), team.getName())).toList(),
                businessCount);
    }

    private long activeBusinessCount() {
        return businesses.count(context.firm().getId(), null, ArchiveFilter.ACTIVE, Reach.ALL);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
