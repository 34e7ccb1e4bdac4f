package dev.firmaccess.keycloak.invitation;

import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmPermission;
import dev.firmaccess.keycloak.invitation.InvitationViews.Invitation;
import dev.firmaccess.keycloak.invitation.InvitationViews.InviteRequest;
import dev.firmaccess.keycloak.invitation.InvitationViews.Link;
import dev.firmaccess.keycloak.mail.DeliveryStatus;
import dev.firmaccess.keycloak.mail.Invitee;
import dev.firmaccess.keycloak.web.Created;
import dev.firmaccess.keycloak.web.JsonBodies;
import dev.firmaccess.keycloak.web.Pages;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;

/** {@code .../firms/{firm}/invitations}: inviting staff, and the invitations' state and delivery. */
public class InvitationResource {

    private static final Set<String> STATUSES = Set.of("pending", "expired", "accepted", "cancelled");

    private final FirmContext context;
    private final InvitationService invitations;

    public InvitationResource(FirmContext context) {
        this.context = context;
        this.invitations = new InvitationService(context);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("status") String status, @QueryParam("deliveryStatus") String deliveryStatus,
            @QueryParam("email") String email, @QueryParam("first") String first, @QueryParam("max") String max) {
        context.actor().require(FirmPermission.VIEW_ALL);
        if (status != null && !STATUSES.contains(status)) {
            throw FirmAccessException.badInput("'status' must be one of pending, expired, accepted, cancelled");
        }
        DeliveryStatus delivery = deliveryStatus == null ? null : DeliveryStatus.parse(deliveryStatus)
                .orElseThrow(() -> FirmAccessException.badInput(
                        "'deliveryStatus' must be one of not_sent, sent, delivered, opened, bounced, spam_reported"));
        InvitationRepository.Filter filter = new InvitationRepository.Filter(status, delivery,
                email == null || email.isBlank() ? null : Invitee.email(email));
        return Pages.of(first, max, context.limits(), (from, size) -> invitations.page(filter, from, size),
                () -> invitations.count(filter));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response invite(String body) {
        List<Invitation> created = invitations.invite(JsonBodies.read(body, InviteRequest.class, context.limits()));
        return Created.with(created);
    }

    @GET
    @Path("{invitationId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Invitation get(@PathParam("invitationId") String id) {
        return invitations.get(id);
    }

    @POST
    @Path("{invitationId}/resend")
    @Produces(MediaType.APPLICATION_JSON)
    public Invitation resend(@PathParam("invitationId") String id) {
        return invitations.resend(id);
    }

    @DELETE
    @Path("{invitationId}")
    public Response cancel(@PathParam("invitationId") String id) {
        invitations.cancel(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{invitationId}/link")
    @Produces(MediaType.APPLICATION_JSON)
    public Link link(@PathParam("invitationId") String id) {
        return invitations.link(id);
    }
}
