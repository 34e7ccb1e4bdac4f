package dev.firmaccess.keycloak.team;

import dev.firmaccess.keycloak.access.GrantRepository;
import dev.firmaccess.keycloak.access.GrantSubjectType;
import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmPermission;
import dev.firmaccess.keycloak.firm.TeamDirectory;
import dev.firmaccess.keycloak.storage.Jpa;
import dev.firmaccess.keycloak.web.Validation;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;

/** Teams of a firm and their members. Their business grants are managed through the grant endpoints. */
public final class TeamService {

    private final FirmContext context;
    private final GrantRepository grants;
    private final TeamDirectory teams;

    public TeamService(FirmContext context) {
        this.context = context;
        EntityManager em = Jpa.entityManager(context.session());
        this.grants = new GrantRepository(em);
        this.teams = TeamDirectory.of(context);
    }

    public List<TeamView> page(String search, int first, int max) {
        context.actor().require(FirmPermission.VIEW_ALL);
        return teams.page(search, first, max).stream().map(this::view).toList();
    }

    /** The first teams of the firm for a picker: names only, without the member count a {@link #page} reads for each. */
    public List<TeamOption> options(int max) {
        context.actor().require(FirmPermission.VIEW_ALL);
        return teams.page(null, 0, max).stream().map(team -> new TeamOption(team.getId(), team.getName())).toList();
    }

    public long count(String search) {
        context.actor().require(FirmPermission.VIEW_ALL);
        return teams.count(search);
    }

    public TeamView get(String teamId) {
        context.actor().require(FirmPermission.VIEW_ALL);
        return view(require(teamId));
    }

    public TeamView create(String name) {
        context.actor().require(FirmPermission.MANAGE);
        String checked = Validation.name(name, "name");
        requireFreeName(checked, null);
        GroupModel team = teams.create(checked);
        context.audit().record("team.created", "team", team.getId(), null, Map.of("name", checked));
        return view(team);
    }

    public TeamView rename(String teamId, String name) {
        context.actor().require(FirmPermission.MANAGE);
        GroupModel team = require(teamId);
        String checked = Validation.name(name, "name");
        requireFreeName(checked, teamId);
        String before = team.getName();
        team.setName(checked);
        context.audit().record("team.renamed", "team", teamId, Map.of("name", before), Map.of("name", checked));
        return view(team);
    }

    public void delete(String teamId) {
        context.actor().require(FirmPermission.MANAGE);
        GroupModel team = require(teamId);
        String name = team.getName();
        grants.deleteForSubject(context.firm().getId(), GrantSubjectType.TEAM, teamId);
        teams.delete(team);
        context.audit().record("team.deleted", "team", teamId, Map.of("name", name), null);
    }

    public List<StaffRef> members(String teamId, int first, int max) {
        context.actor().require(FirmPermission.VIEW_ALL);
        return teams.members(require(teamId), first, max).stream().map(StaffRef::of).toList();
    }

    public long memberCount(String teamId) {
        return teams.memberCount(require(teamId));
    }

    public void addMember(String teamId, String userId) {
        context.actor().require(FirmPermission.MANAGE);
        GroupModel team = require(teamId);
        UserModel user = context.requireStaffMember(userId);
        if (!user.isMemberOf(team)) {
            user.joinGroup(team);
            context.audit().record("team.member_added", "team", teamId, null, Map.of("userId", userId));
        }
    }

    public void removeMember(String teamId, String userId) {
        context.actor().require(FirmPermission.MANAGE);
        GroupModel team = require(teamId);
        UserModel user = context.requireStaffMember(userId);
        if (!user.isMemberOf(team)) {
            throw FirmAccessException.notFound("Staff member is not in this team");
        }
        user.leaveGroup(team);
        context.audit().record("team.member_removed", "team", teamId, Map.of("userId", userId), null);
    }

    public GroupModel require(String teamId) {
        return teams.find(teamId).orElseThrow(() -> FirmAccessException.notFound("Team not found"));
    }

    private void requireFreeName(String name, String exceptTeamId) {
        if (teams.nameTaken(name, exceptTeamId)) {
            throw FirmAccessException.of(ErrorCode.TEAM_NAME_TAKEN, "The firm already has a team named '" + name + "'");
        }
    }

    private TeamView view(GroupModel team) {
        return new TeamView(team.getId(), team.getName(), teams.memberCount(team));
    }
}
