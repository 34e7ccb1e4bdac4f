package dev.firmaccess.keycloak.programmatic;

import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.web.JsonBodies;
import dev.firmaccess.keycloak.web.Limits;
import dev.firmaccess.keycloak.web.Pages;
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

/** {@code .../firms/{firm}/staff/{userId}/keys}: a staff member's connection keys for scripts and integrations. */
public class ConnectionKeyResource {

    private final String userId;
    private final ConnectionKeyService keys;
    private final Limits limits;

    public ConnectionKeyResource(FirmContext context, String userId) {
        this.userId = userId;
        this.keys = new ConnectionKeyService(context);
        this.limits = context.limits();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("first") String first, @QueryParam("max") String max) {
        return Pages.of(first, max, limits, (from, size) -> keys.page(userId, from, size), () -> keys.count(userId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body, @Context UriInfo uri) {
        CreatedConnectionKey created = keys.create(userId, JsonBodies.read(body, KeyInput.class, limits).name());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .header("Cache-Control", "no-store")
                .entity(created)
                .build();
    }

    @GET
    @Path("{keyId}")
    @Produces(MediaType.APPLICATION_JSON)
    public ConnectionKeyView get(@PathParam("keyId") String keyId) {
        return keys.get(userId, keyId);
    }

    @DELETE
    @Path("{keyId}")
    public Response revoke(@PathParam("keyId") String keyId) {
        keys.revoke(userId, keyId);
        return Response.noContent().build();
    }

    /** Body of a key creation. */
    public record KeyInput(String name) {
    }
}
