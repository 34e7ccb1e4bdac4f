package dev.firmaccess.keycloak.console;

import dev.firmaccess.keycloak.access.BusinessRepository.ArchiveFilter;
import dev.firmaccess.keycloak.access.BusinessService;
import dev.firmaccess.keycloak.access.GrantService;
import dev.firmaccess.keycloak.access.GrantViews.BulkGrantItem;
import dev.firmaccess.keycloak.access.GrantViews.BulkRevokeItem;
import dev.firmaccess.keycloak.firm.FirmPermission;
import dev.firmaccess.keycloak.staff.StaffService;
import dev.firmaccess.keycloak.team.TeamService;
import dev.firmaccess.keycloak.team.TeamView;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.keycloak.models.GroupModel;

/** {@code .../console/firms/{firm}/teams}: the firm's teams, each with its members and its business grants. */
public class ConsoleTeamPages extends ConsolePageFamily {

    /** Most staff and businesses the add-member and share pickers offer; larger firms use the API. */
    static final int PICKER_LIMIT = 200;

    ConsoleTeamPages(ConsoleFirmResource firm, ConsolePages pages) {
        super(firm, pages);
    }

    @GET
    public Response list(@QueryParam("search") String search, @QueryParam("first") String first) {
        return firm.page((user, context) -> {
            TeamService teams = new TeamService(context);
            int offset = ConsoleFirmResource.offset(first);
            Map<String, Object> model = firm.model(user, context, "teams");
            model.put("teams", teams.page(search, offset, ConsoleFirmResource.PAGE_SIZE));
            model.put("search", search == null ? "" : search);
            ConsoleFirmResource.paging(model, offset, teams.count(search));
            return pages.render(200, "console-teams", user.auth().user(), model);
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        return firm.action(form, (user, context) -> {
            TeamView team = new TeamService(context).create(form.getFirst("name"));
            return firm.redirect(context, "teams/" + team.id());
        });
    }

    @GET
    @Path("{teamId}")
    public Response team(@PathParam("teamId") String teamId, @QueryParam("first") String first,
            @QueryParam("grantsFirst") String grantsFirst) {
        return firm.page((user, context) -> {
            TeamService teams = new TeamService(context);
            TeamView team = teams.get(teamId);
            GroupModel group = teams.require(teamId);
            GrantService grants = new GrantService(context);
            int offset = ConsoleFirmResource.offset(first);
            Map<String, Object> model = firm.model(user, context, "teams");
            model.put("team", team);
            model.put("members", teams.members(teamId, offset, ConsoleFirmResource.PAGE_SIZE));
            int grantsOffset = ConsoleFirmResource.offset(grantsFirst);
            model.put("grants", grants.forTeam(group, grantsOffset, ConsoleFirmResource.PAGE_SIZE));
            model.put("grantsFirst", grantsOffset);
            model.put("grantsTotal", grants.countForTeam(group));
            model.put("staff", new StaffService(context).options(PICKER_LIMIT));
            model.put("businesses", new BusinessService(context).page(null, ArchiveFilter.ACTIVE, 0, PICKER_LIMIT));
            model.put("mayManage", context.actor().may(FirmPermission.MANAGE));
            model.put("search", "");
            ConsoleFirmResource.paging(model, offset, team.memberCount());
            return pages.render(200, "console-team", user.auth().user(), model);
        });
    }

    @POST
    @Path("{teamId}/rename")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rename(@PathParam("teamId") String teamId, MultivaluedMap<String, String> form) {
        return firm.change(form, "teams/" + teamId, context -> new TeamService(context).rename(teamId,
                form.getFirst("name")));
    }

    @POST
    @Path("{teamId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("teamId") String teamId, MultivaluedMap<String, String> form) {
        return firm.change(form, "teams", context -> new TeamService(context).delete(teamId));
    }

    @POST
    @Path("{teamId}/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addMember(@PathParam("teamId") String teamId, MultivaluedMap<String, String> form) {
        return firm.change(form, "teams/" + teamId, context -> {
            new TeamService(context).addMember(teamId, form.getFirst("userId"));
        });
    }

    @POST
    @Path("{teamId}/members/{userId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeMember(@PathParam("teamId") String teamId, @PathParam("userId") String userId,
            MultivaluedMap<String, String> form) {
        return firm.change(form, "teams/" + teamId, context -> new TeamService(context).removeMember(teamId, userId));
    }

    @POST
    @Path("{teamId}/grants")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response share(@PathParam("teamId") String teamId, MultivaluedMap<String, String> form) {
        return firm.change(form, "teams/" + teamId, context -> {
            new TeamService(context).require(teamId);
            new GrantService(context).bulkShare(List.of(
                    new BulkGrantItem(form.getFirst("businessId"), "team", teamId, form.getFirst("level"))));
        });
    }

    @POST
    @Path("{teamId}/grants/{businessId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unshare(@PathParam("teamId") String teamId, @PathParam("businessId") String businessId,
            MultivaluedMap<String, String> form) {
        return firm.change(form, "teams/" + teamId, context -> {
            new TeamService(context).require(teamId);
            new GrantService(context).bulkRevoke(List.of(new BulkRevokeItem(businessId, "team", teamId)));
        });
    }
}
