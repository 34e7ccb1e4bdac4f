package dev.firmaccess.keycloak.team;

import dev.firmaccess.keycloak.access.GrantService;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.web.Created;
import dev.firmaccess.keycloak.web.JsonBodies;
import dev.firmaccess.keycloak.web.Pages;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.keycloak.models.GroupModel;

/** {@code .../firms/{firm}/teams}: named groups of staff with their own business grants. */
public class TeamResource {

    private final FirmContext context;
    private final TeamService teams;

    public TeamResource(FirmContext context) {
        this.context = context;
        this.teams = new TeamService(context);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("search") String search, @QueryParam("first") String first,
            @QueryParam("max") String max) {
        return Pages.of(first, max, context.limits(), (from, size) -> teams.page(search, from, size),
                () -> teams.count(search));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body, @Context UriInfo uri) {
        TeamView created = teams.create(JsonBodies.read(body, TeamInput.class, context.limits()).name());
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Path("{teamId}")
    @Produces(MediaType.APPLICATION_JSON)
    public TeamView get(@PathParam("teamId") String teamId) {
        return teams.get(teamId);
    }

    @PUT
    @Path("{teamId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public TeamView rename(@PathParam("teamId") String teamId, String body) {
        return teams.rename(teamId, JsonBodies.read(body, TeamInput.class, context.limits()).name());
    }

    @DELETE
    @Path("{teamId}")
    public Response delete(@PathParam("teamId") String teamId) {
        teams.delete(teamId);
        return Response.noContent().build();
    }

    @GET
    @Path("{teamId}/members")
    @Produces(MediaType.APPLICATION_JSON)
    public Response members(@PathParam("teamId") String teamId, @QueryParam("first") String first,
            @QueryParam("max") String max) {
        return Pages.of(first, max, context.limits(), (from, size) -> teams.members(teamId, from, size),
                () -> teams.memberCount(teamId));
    }

    @PUT
    @Path("{teamId}/members/{userId}")
    public Response addMember(@PathParam("teamId") String teamId, @PathParam("userId") String userId) {
        teams.addMember(teamId, userId);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{teamId}/members/{userId}")
    public Response removeMember(@PathParam("teamId") String teamId, @PathParam("userId") String userId) {
        teams.removeMember(teamId, userId);
        return Response.noContent().build();
    }

    @GET
    @Path("{teamId}/grants")
    @Produces(MediaType.APPLICATION_JSON)
    public Response grants(@PathParam("teamId") String teamId, @QueryParam("first") String first,
            @QueryParam("max") String max) {
        GroupModel team = teams.require(teamId);
        GrantService grants = new GrantService(context);
        return Pages.of(first, max, context.limits(), (from, size) -> grants.forTeam(team, from, size),
                () -> grants.countForTeam(team));
    }

    /** Body of a team creation or rename. */
    public record TeamInput(String name) {
    }
}
