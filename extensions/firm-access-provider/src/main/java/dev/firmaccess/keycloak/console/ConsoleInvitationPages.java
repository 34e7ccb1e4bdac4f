package dev.firmaccess.keycloak.console;

import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmPermission;
import dev.firmaccess.keycloak.invitation.InvitationRepository;
import dev.firmaccess.keycloak.invitation.InvitationService;
import dev.firmaccess.keycloak.invitation.InvitationViews.InviteRequest;
import dev.firmaccess.keycloak.invitation.InvitationViews.Link;
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
import java.util.function.Consumer;

/**
 * {@code .../console/firms/{firm}/invitations}: the firm's unanswered invitations (expired ones
 * flagged), the invite form, and resend, cancel and copy link, all through {@link InvitationService}.
 */
public class ConsoleInvitationPages extends ConsolePageFamily {

    /** Pending invitations whether expired or not: the ones an owner may still resend or cancel. */
    private static final InvitationRepository.Filter AWAITING = new InvitationRepository.Filter("awaiting", null, null);

    ConsoleInvitationPages(ConsoleFirmResource firm, ConsolePages pages) {
        super(firm, pages);
    }

    @GET
    public Response list(@QueryParam("first") String first) {
        return firm.page((user, context) -> render(user, context, ConsoleFirmResource.offset(first), null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(MultivaluedMap<String, String> form) {
        return change(form, invitations -> invitations.invite(new InviteRequest(
                ConsoleInvitees.parse(form.getFirst("people")), form.getFirst("role"), null, null, null)));
    }

    @POST
    @Path("{invitationId}/resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resend(@PathParam("invitationId") String invitationId, MultivaluedMap<String, String> form) {
        return change(form, invitations -> invitations.resend(invitationId));
    }

    @POST
    @Path("{invitationId}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("invitationId") String invitationId, MultivaluedMap<String, String> form) {
        return change(form, invitations -> invitations.cancel(invitationId));
    }

    /** Runs a change of the invitations and answers with the invitations page again. */
    private Response change(MultivaluedMap<String, String> form, Consumer<InvitationService> change) {
        return firm.action(form, (user, context) -> {
            change.accept(new InvitationService(context));
            return firm.redirect(context, "invitations");
        });
    }

    /** The link is shown on the answer page itself: issuing it is audited, so it is a POST, not a link to follow. */
    @POST
    @Path("{invitationId}/link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response link(@PathParam("invitationId") String invitationId, MultivaluedMap<String, String> form) {
        return firm.action(form, (user, context) -> {
            Link link = new InvitationService(context).link(invitationId);
            return render(user, context, 0, Map.of("invitationId", invitationId, "url", link.link()));
        });
    }

    private Response render(ConsoleUser user, FirmContext context, int offset, Map<String, String> link) {
        context.actor().require(FirmPermission.MANAGE);
        InvitationService invitations = new InvitationService(context);
        Map<String, Object> model = firm.model(user, context, "invitations");
        model.put("invitations", invitations.page(AWAITING, offset, ConsoleFirmResource.PAGE_SIZE));
        model.put("roles", roles(context));
        model.put("now", System.currentTimeMillis());
        model.put("search", "");
        if (link != null) {
            model.put("link", link);
        }
        ConsoleFirmResource.paging(model, offset, invitations.count(AWAITING));
        return pages.render(200, "console-invitations", user.auth().user(), model);
    }

    /** Only owners may invite owners, so only they are offered the role. */
    private static List<Map<String, String>> roles(FirmContext context) {
        return ConsoleFirmResource.roleOptions(context).stream()
                .filter(role -> !role.get("value").equals(StaffRole.OWNER.canonicalName())
                        || context.actor().may(FirmPermission.MANAGE_OWNERS))
                .toList();
    }
}
