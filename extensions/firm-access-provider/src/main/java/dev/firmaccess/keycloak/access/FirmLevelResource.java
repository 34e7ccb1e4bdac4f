package dev.firmaccess.keycloak.access;

import dev.firmaccess.keycloak.access.FirmLevelService.LevelInput;
import dev.firmaccess.keycloak.access.FirmLevelService.LevelView;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.web.Created;
import dev.firmaccess.keycloak.web.JsonBodies;
import dev.firmaccess.keycloak.web.Limits;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** {@code .../firms/{firm}/levels}: the realm's access levels and the firm's own. */
public class FirmLevelResource {

    private final FirmLevelService levels;
    private final Limits limits;
    private final List<LevelUse> uses;

    /** {@code uses}: every place besides grants that names the firm's levels, moved along on a delete. */
    public FirmLevelResource(FirmContext context, List<LevelUse> uses) {
        this.levels = new FirmLevelService(context);
        this.limits = context.limits();
        this.uses = uses;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<LevelView> list() {
        return levels.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body, @Context UriInfo uri) {
        levels.requireMayDefine();
        LevelInput input = JsonBodies.read(body, LevelInput.class, limits);
        LevelView created = levels.create(input.name(), input.write());
        return Created.at(uri, created.name(), created);
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name, @QueryParam("moveTo") String moveTo) {
        levels.delete(name, moveTo, uses);
        return Response.noContent().build();
    }
}
