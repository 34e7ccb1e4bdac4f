package dev.firmaccess.keycloak.firm;

import dev.firmaccess.keycloak.storage.Jpa;
import dev.firmaccess.keycloak.storage.LikePattern;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.storage.StorageId;

/**
 * Teams are the firm's native organization groups, so Keycloak's own Organizations tab and
 * group mappers see the same teams. Only top-level organization groups count as teams; Keycloak
 * hangs them under the organization's internal membership group, which is never a team.
 */
public record TeamDirectory(KeycloakSession session, RealmModel realm, OrganizationProvider organizations, OrganizationModel firm) {

    /** The teams of the context's firm. */
    public static TeamDirectory of(FirmContext context) {
        return new TeamDirectory(context.session(), context.realm(), context.organizations(), context.firm());
    }

    public Optional<GroupModel> find(String teamId) {
        GroupModel group = teamId == null ? null : session.groups().getGroupById(realm, teamId);
        return group != null && isTeam(group) ? Optional.of(group) : Optional.empty();
    }

    /**
     * A page of the teams by name, of those whose name contains the search (ignoring case) when there
     * is one. Not Keycloak's own group search of the organization: that one also finds the groups
     * nested in a team, which are no teams.
     */
    public List<GroupModel> page(String search, int first, int max) {
        if (search == null || search.isBlank()) {
            return organizations.getTopLevelGroups(firm, first, max).toList();
        }
        return named("select g.id", search, " order by g.name, g.id", String.class)
                .setFirstResult(first).setMaxResults(max).getResultStream()
                .map(id -> session.groups().getGroupById(realm, id)).toList();
    }

    public long count(String search) {
        return search == null || search.isBlank()
                ? organizations.getTopLevelGroups(firm, null, null).count()
                : named("select count(g)", search, "", Long.class).getSingleResult();
    }

    /** The teams whose name contains the search, with its {@code %} and {@code _} matched as themselves. */
    private <T> TypedQuery<T> named(String select, String search, String order, Class<T> type) {
        return Jpa.entityManager(session).createQuery(select + " from GroupEntity g where g.realm = :realm"
                        + " and g.parentId = :internal and lower(g.name) like :search" + LikePattern.ESCAPE + order, type)
                .setParameter("realm", realm.getId())
                .setParameter("internal", organizations.getOrganizationGroup(firm).getId())
                .setParameter("search", LikePattern.contains(search));
    }

    public boolean nameTaken(String name, String exceptTeamId) {
        return organizations.searchGroupsByName(firm, name, true, null, null)
                .anyMatch(group -> isTeam(group) && !group.getId().equals(exceptTeamId));
    }

    public GroupModel create(String name) {
        return organizations.createGroup(firm, name, null);
    }

    public void delete(GroupModel team) {
        session.groups().removeGroup(realm, team);
    }

    public List<GroupModel> teamsOf(UserModel user) {
        return organizations.getOrganizationGroupsByMember(firm, user)
                .filter(this::isTeam)
                .toList();
    }

    /**
     * The ids of the user's teams, kept with the user in {@link StaffAccessCache}: joining or leaving
     * a team (a group membership) evicts the cached user, deleting one evicts the realm's users.
     */
    public List<String> cachedTeamIdsOf(UserModel user) {
        return StaffAccessCache.remembered(user, "teams/" + firm.getId(), () -> List.copyOf(teamIdsOf(user)));
    }

    /**
     * The ids of the user's teams in one query, for token mappers: a membership whose group hangs
     * directly under the firm's internal group. Users of a federated store keep their
     * memberships elsewhere and go through the organization provider.
     */
    public List<String> teamIdsOf(UserModel user) {
        if (!StorageId.isLocalStorage(user.getId())) {
            return teamsOf(user).stream().map(GroupModel::getId).toList();
        }
        return Jpa.entityManager(session)
                .createQuery("select m.groupId from UserGroupMembershipEntity m, GroupEntity g, OrganizationEntity o"
                        + " where m.user.id = :user and g.id = m.groupId and o.id = :org and g.parentId = o.groupId",
                        String.class)
                .setParameter("user", user.getId())
                .setParameter("org", firm.getId())
                .getResultList();
    }

    public List<UserModel> members(GroupModel team, int first, int max) {
        return session.users().getGroupMembersStream(realm, team, first, max).toList();
    }

    private boolean isTeam(GroupModel group) {
        if (group.getOrganization() == null || !group.getOrganization().getId().equals(firm.getId())) {
            return false;
        }
        String internal = organizations.getOrganizationGroup(firm).getId();
        return !group.getId().equals(internal) && (group.getParentId() == null || group.getParentId().equals(internal));
    }

    public long memberCount(GroupModel team) {
        return session.users().getUsersCount(realm, Set.of(team.getId()));
    }
}
