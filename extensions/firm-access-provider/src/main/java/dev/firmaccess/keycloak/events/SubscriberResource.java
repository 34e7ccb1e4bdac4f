package dev.firmaccess.keycloak.events;

import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.web.Created;
import dev.firmaccess.keycloak.web.JsonBodies;
import dev.firmaccess.keycloak.web.Pages;
import dev.firmaccess.keycloak.web.Paging;
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

/** {@code .../firms/{firm}/event-subscribers}: the apps that hear about the firm's access changes. */
public class SubscriberResource {

    private final FirmContext context;
    private final SubscriberService subscribers;

    public SubscriberResource(FirmContext context) {
        this.context = context;
        this.subscribers = new SubscriberService(context);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("first") String first, @QueryParam("max") String max) {
        Paging paging = Paging.of(first, max, context.limits());
        return Pages.of(subscribers.page(paging.first(), paging.max()), subscribers.count());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(String body, @Context UriInfo uri) {
        SubscriberView created = subscribers.register(JsonBodies.read(body, SubscriberService.SubscriberInput.class,
                context.limits()));
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Path("{subscriberId}")
    @Produces(MediaType.APPLICATION_JSON)
    public SubscriberView get(@PathParam("subscriberId") String subscriberId) {
        return subscribers.get(subscriberId);
    }

    @DELETE
    @Path("{subscriberId}")
    public Response remove(@PathParam("subscriberId") String subscriberId) {
        subscribers.remove(subscriberId);
        return Response.noContent().build();
    }

    /** The body is optional: without one, the server makes the new secret. */
    @POST
    @Path("{subscriberId}/secret")
    @Produces(MediaType.APPLICATION_JSON)
    public SubscriberView rotateSecret(@PathParam("subscriberId") String subscriberId, String body) {
        SecretInput input = body == null || body.isBlank() ? new SecretInput(null)
                : JsonBodies.read(body, SecretInput.class, context.limits());
        return subscribers.rotateSecret(subscriberId, input.secret());
    }

    @DELETE
    @Path("{subscriberId}/previous-secret")
    @Produces(MediaType.APPLICATION_JSON)
    public SubscriberView endRotation(@PathParam("subscriberId") String subscriberId) {
        return subscribers.endRotation(subscriberId);
    }

    @POST
    @Path("{subscriberId}/replays")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response replay(@PathParam("subscriberId") String subscriberId, String body) {
        String eventId = JsonBodies.read(body, ReplayInput.class, context.limits()).eventId();
        return Response.accepted(subscribers.replay(subscriberId, eventId)).build();
    }

    /** A secret of the caller's own, or none for one the server makes. */
    public record SecretInput(String secret) {
    }

    public record ReplayInput(String eventId) {
    }
}
