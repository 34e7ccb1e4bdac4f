package dev.firmaccess.keycloak.evaluation;

import dev.firmaccess.keycloak.access.BusinessEntity;
import dev.firmaccess.keycloak.access.BusinessRepository;
import dev.firmaccess.keycloak.access.BusinessRepository.ArchiveFilter;
import dev.firmaccess.keycloak.access.BusinessRepository.Reach;
import dev.firmaccess.keycloak.access.GrantEntity;
import dev.firmaccess.keycloak.access.GrantRepository;
import dev.firmaccess.keycloak.access.GrantSubjectType;
import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.evaluation.AuthZenModel.Entity;
import dev.firmaccess.keycloak.evaluation.SearchResponse.Result;
import dev.firmaccess.keycloak.firm.StaffEntity;
import dev.firmaccess.keycloak.firm.StaffRepository;
import dev.firmaccess.keycloak.portal.PortalReach;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The three AuthZEN searches. Every answer is one that the evaluation endpoint would permit
 * for the same caller, and every page is bounded.
 */
final class AccessSearch {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final LevelsByFirm levels;
    private final StaffRepository staff;
    private final BusinessRepository businesses;
    private final GrantRepository grants;
    private final Standings standings;
    private final Evaluator evaluator;
    private final boolean programmatic;
    private final PortalReach portal;

    AccessSearch(KeycloakSession session, EntityManager em, LevelsByFirm levels, Standings standings,
            Evaluator evaluator, boolean programmatic) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.levels = levels;
        this.staff = new StaffRepository(em);
        this.businesses = new BusinessRepository(em);
        this.grants = new GrantRepository(em);
        this.standings = standings;
        this.evaluator = evaluator;
        this.programmatic = programmatic;
        this.portal = new PortalReach(em);
    }

    /** A page of what the search found, and how many it found in all. */
    record Found(List<Result> results, long total) {

        static final Found NOTHING = new Found(List.of(), 0);
    }

    /**
     * Which businesses may the subject act on: in the firm the resource names, else in all the
     * subject's firms; staff businesses first, then portal workspaces.
     */
    Found resources(Entity subject, String actionName, Entity resource, PageCursor cursor) {
        Optional<BusinessAction> action = BusinessAction.parse(actionName);
        Optional<UserModel> user = EvaluationTypes.USER.equals(subject.type()) ? standings.user(subject.id())
                : Optional.empty();
        if (action.isEmpty() || user.isEmpty() || !EvaluationTypes.BUSINESS.equals(resource.type())) {
            return Found.NOTHING;
        }
        String named = resource.textProperty(EvaluationTypes.FIRM_PROPERTY);
        List<OrganizationModel> firms = named == null ? standings.firmsOf(user.get())
                : standings.firm(named).stream().toList();
        List<Standing> reachable = firms.stream()
                .flatMap(firm -> standings.of(firm, user.get()).stream())
                .filter(standing -> !programmatic || standing.programmaticAccess())
                .toList();
        List<Result> page = new ArrayList<>();
        long total = 0;
        for (Standing standing : reachable) {
            long count = countReached(standing, action.get());
            long localFirst = Math.max(0, cursor.offset() - total);
            int wanted = cursor.limit() - page.size();
            if (wanted > 0 && localFirst < count) {
                reached(standing, action.get(), (int) localFirst, wanted).forEach(id -> page.add(
                        Result.entity(EvaluationTypes.BUSINESS, id,
                                Map.of(EvaluationTypes.FIRM_PROPERTY, standing.firm().getAlias()))));
            }
            total += count;
        }
        List<Result> portalWorkspaces = portalWorkspaces(user.get(), named, action.get());
        long localFirst = Math.max(0, cursor.offset() - total);
        int wanted = cursor.limit() - page.size();
        if (wanted > 0 && localFirst < portalWorkspaces.size()) {
            page.addAll(portalWorkspaces.subList((int) localFirst,
                    (int) Math.min(portalWorkspaces.size(), localFirst + wanted)));
        }
        return new Found(page, total + portalWorkspaces.size());
    }

    /**
     * The workspaces the user reaches as a portal user, after their staff businesses: active
     * memberships in enabled firms where they are not staff (there the staff paths decide), in
     * the named firm only when the resource names one, at a level that allows the action. Bounded
     * by the user's own memberships.
     */
    private List<Result> portalWorkspaces(UserModel user, String namedFirm, BusinessAction action) {
        List<Result> found = new ArrayList<>();
        for (PortalReach.Workspace workspace : portal.workspacesOf(realm.getId(), user.getId())) {
            Optional<OrganizationModel> firm = standings.firm(workspace.firmId())
                    .filter(held -> namedFirm == null || namedFirm.equals(held.getId())
                            || namedFirm.equals(held.getAlias()));
            if (firm.isPresent() && standings.of(firm.get(), user).isEmpty()
                    && action.allows(workspace.level(), levels.of(firm.get()))) {
                found.add(Result.entity(EvaluationTypes.BUSINESS, workspace.businessId(),
                        Map.of(EvaluationTypes.FIRM_PROPERTY, firm.get().getAlias())));
            }
        }
        return found;
    }

    /**
     * Which users may act on the business: owners and admins, direct grantees, members of granted
     * teams, and portal users whose active membership on it allows the action.
     */
    Found subjects(Entity subject, String actionName, Entity resource, PageCursor cursor) {
        Optional<BusinessAction> action = BusinessAction.parse(actionName);
        if (action.isEmpty() || !EvaluationTypes.USER.equals(subject.type())
                || !EvaluationTypes.BUSINESS.equals(resource.type()) || resource.id() == null) {
            return Found.NOTHING;
        }
        Optional<BusinessEntity> business = businesses.findActiveInRealm(realm.getId(), resource.id());
        Optional<OrganizationModel> firm = business.flatMap(b -> standings.firm(b.getOrganizationId()));
        String named = resource.textProperty(EvaluationTypes.FIRM_PROPERTY);
        if (firm.isEmpty() || named != null && !named.equals(firm.get().getId()) && !named.equals(firm.get().getAlias())) {
            return Found.NOTHING;
        }
        Set<String> userIds = reachers(firm.get(), business.get(), action.get());
        userIds.addAll(portalReachers(firm.get(), business.get(), action.get()));
        if (programmatic) {
            staff.findByUsers(firm.get().getId(), userIds).stream()
                    .filter(row -> !row.isProgrammaticAccess())
                    .map(StaffEntity::getUserId)
                    .forEach(userIds::remove);
        }
        List<Result> page = userIds.stream()
                .skip(cursor.offset())
                .limit(cursor.limit())
                .map(id -> Result.entity(EvaluationTypes.USER, id, null))
                .toList();
        return new Found(page, userIds.size());
    }

    /**
     * What may the subject do on the business: each action the evaluation endpoint would permit,
     * paged like the other searches, since {@code page.limit} is the most results a response holds.
     */
    Found actions(Entity subject, Entity resource, PageCursor cursor) {
        List<Result> allowed = Arrays.stream(BusinessAction.values())
                .filter(action -> evaluator.decide(subject, action, resource, false).decision())
                .map(action -> Result.action(action.actionName()))
                .toList();
        return new Found(allowed.stream().skip(cursor.offset()).limit(cursor.limit()).toList(), allowed.size());
    }

    private long countReached(Standing standing, BusinessAction action) {
        String firmId = standing.firm().getId();
        return standing.role().reachesAllBusinesses()
                ? businesses.count(firmId, null, ArchiveFilter.ACTIVE, Reach.ALL)
                : grants.countReachedBusinesses(firmId, standing.user().getId(), standing.teamIds(),
                        action.grantingLevels(levels.of(standing.firm())));
    }

    private List<String> reached(Standing standing, BusinessAction action, int first, int max) {
        String firmId = standing.firm().getId();
        return standing.role().reachesAllBusinesses()
                ? businesses.page(firmId, null, ArchiveFilter.ACTIVE, Reach.ALL, first, max).stream()
                        .map(BusinessEntity::getId).toList()
                : grants.reachedBusinessIds(firmId, standing.user().getId(), standing.teamIds(),
                        action.grantingLevels(levels.of(standing.firm())), first, max);
    }

    /**
     * The portal users whose active membership on the business allows the action, unless they are
     * staff of the firm (for staff, only staff paths count, as in the evaluation).
     */
    private List<String> portalReachers(OrganizationModel firm, BusinessEntity business, BusinessAction action) {
        return portal.activeUserIdsOn(business.getId(), action.grantingLevels(levels.of(firm))).stream()
                .filter(userId -> standings.user(userId).flatMap(user -> standings.of(firm, user)).isEmpty())
                .toList();
    }

    /** Sorted, so pages are stable; bounded by the staff who reach one business, never the whole realm. */
    private Set<String> reachers(OrganizationModel firm, BusinessEntity business, BusinessAction action) {
        Set<String> userIds = new TreeSet<>(staff.userIdsWithRoles(firm.getId(), Set.of(StaffRole.OWNER, StaffRole.ADMIN)));
        for (GrantEntity grant : grants.forBusiness(business.getId())) {
            if (!action.allows(grant.getAccessLevel(), levels.of(firm))) {
                continue;
            }
            if (grant.getSubjectType() == GrantSubjectType.USER) {
                userIds.add(grant.getSubjectId());
            } else {
                GroupModel team = session.groups().getGroupById(realm, grant.getSubjectId());
                if (team != null) {
                    session.users().getGroupMembersStream(realm, team).map(UserModel::getId).forEach(userIds::add);
                }
            }
        }
        return userIds;
    }
}
