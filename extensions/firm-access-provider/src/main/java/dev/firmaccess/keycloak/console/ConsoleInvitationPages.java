package dev.firmaccess.keycloak.console;

import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmPermission;
import dev.firmaccess.keycloak.invitation.InvitationRepository;
import dev.firmaccess.keycloak.invitation.InvitationService;
import dev.firmaccess.keycloak.invitation.InvitationViews.InviteRequest;
import dev.firmaccess.keycloak.invitation.InvitationViews.Link;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code .../console/firms/{firm}/invitations}: the firm's unanswered invitations (expired ones
 * flagged), the invite form, and resend, cancel and copy link, all through {@link InvitationService}.
 */
public class ConsoleInvitationPages extends ConsoleListPages<Map<String, String>> {

    /** Pending invitations whether expired or not: the ones an owner may still resend or cancel. */
    private static final InvitationRepository.Filter AWAITING = new InvitationRepository.Filter("awaiting", null, null);

    ConsoleInvitationPages(ConsoleFirmResource firm, ConsolePages pages) {
        super(firm, pages);
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

    /** Runs a change of the invitations and answers with the page the form was on again. */
    private Response change(MultivaluedMap<String, String> form, Consumer<InvitationService> change) {
        return firm.change(form, fromStaffPage(form) ? "staff" : "invitations", context -> {
            change.accept(new InvitationService(context));
        });
    }

    /** The staff page lists the pending invitations too; its forms say so, so that the answer returns there. */
    private static boolean fromStaffPage(MultivaluedMap<String, String> form) {
        return "staff".equals(form.getFirst("from"));
    }

    /** The link is shown on the answer page itself: issuing it is audited, so it is a POST, not a link to follow. */
    @POST
    @Path("{invitationId}/link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response link(@PathParam("invitationId") String invitationId, MultivaluedMap<String, String> form) {
        return firm.action(form, (user, context) -> {
            Link link = new InvitationService(context).link(invitationId);
            Map<String, String> shown = Map.of("invitationId", invitationId, "url", link.link());
            return fromStaffPage(form)
                    ? new ConsoleStaffPages(firm, pages).render(user, context, null, 0, 0, shown)
                    : render(user, context, 0, shown);
        });
    }

    @Override
    Response render(ConsoleUser user, FirmContext context, int offset, Map<String, String> link) {
        context.actor().require(FirmPermission.MANAGE);
        Map<String, Object> model = firm.model(user, context, "invitations");
        putPending(model, context, offset, link);
        model.put("roles", ConsoleFirmResource.roleOptions(context));
        model.put("search", "");
        return pages.render(200, "console-invitations", user.auth().user(), model);
    }

    /**
     * The pending invitations, one page from the offset, for the invitations page and the staff
     * page, with the link just issued when there is one.
     */
    static void putPending(Map<String, Object> model, FirmContext context, int offset, Map<String, String> link) {
        InvitationService invitations = new InvitationService(context);
        model.put("invitations", invitations.page(AWAITING, offset, ConsoleFirmResource.PAGE_SIZE));
        model.put("invitationsFirst", offset);
        model.put("invitationsTotal", invitations.count(AWAITING));
        model.put("pageSize", ConsoleFirmResource.PAGE_SIZE);
        model.put("now", System.currentTimeMillis());
        if (link != null) {
            model.put("link", link);
        }
    }
}
