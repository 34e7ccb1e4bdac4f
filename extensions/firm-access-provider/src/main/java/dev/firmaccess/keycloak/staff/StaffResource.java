package dev.firmaccess.keycloak.staff;

import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.web.JsonBodies;
import dev.firmaccess.keycloak.web.Pages;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code .../firms/{firm}/staff}: the firm's people, their roles and programmatic access. */
public class StaffResource {

    private final FirmContext context;
    private final StaffService staff;

    public StaffResource(FirmContext context) {
        this.context = context;
        this.staff = new StaffService(context);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("search") String search, @QueryParam("first") String first,
            @QueryParam("max") String max) {
        return Pages.of(first, max, context.limits(), (from, size) -> staff.page(search, from, size),
                () -> staff.count(search));
    }

    @GET
    @Path("{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    public StaffView get(@PathParam("userId") String userId) {
        return staff.get(userId);
    }

    @PUT
    @Path("{userId}/role")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public StaffView changeRole(@PathParam("userId") String userId, String body) {
        RoleChange change = JsonBodies.read(body, RoleChange.class, context.limits());
        StaffRole role = StaffRole.parse(change.role())
                .orElseThrow(() -> FirmAccessException.badInput("'role' must be one of owner, admin, member"));
        return staff.changeRole(userId, role);
    }

    @PUT
    @Path("{userId}/programmatic-access")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public StaffView setProgrammaticAccess(@PathParam("userId") String userId, String body) {
        ProgrammaticAccessChange change = JsonBodies.read(body, ProgrammaticAccessChange.class, context.limits());
        if (change.enabled() == null) {
            throw FirmAccessException.badInput("'enabled' (true or false) is required");
        }
        return staff.setProgrammaticAccess(userId, change.enabled());
    }

    @DELETE
    @Path("{userId}")
    public Response remove(@PathParam("userId") String userId) {
        staff.remove(userId);
        return Response.noContent().build();
    }

    /** Body of a role change. */
    public record RoleChange(String role) {
    }

    /** Body of a programmatic-access switch. */
    public record ProgrammaticAccessChange(Boolean enabled) {
    }
}
