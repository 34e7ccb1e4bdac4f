package dev.firmaccess.keycloak.portal;

import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmPermission;
import dev.firmaccess.keycloak.portal.PortalViews.AddRequest;
import dev.firmaccess.keycloak.portal.PortalViews.BulkRequest;
import dev.firmaccess.keycloak.portal.PortalViews.BulkResult;
import dev.firmaccess.keycloak.portal.PortalViews.InviteRequest;
import dev.firmaccess.keycloak.portal.PortalViews.Link;
import dev.firmaccess.keycloak.portal.PortalViews.PortalMembership;
import dev.firmaccess.keycloak.web.Created;
import dev.firmaccess.keycloak.web.JsonBodies;
import dev.firmaccess.keycloak.web.Pages;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;

/**
 * {@code .../firms/{firm}/portal}: the firm's portal users (its customers) in the workspaces of its
 * businesses. Owners and admins manage every business's portal; members those they have full
 * access to, and any other business is a 404 to them.
 */
public class PortalResource {

    private static final Set<String> STATUSES = Set.of("pending", "expired", "active", "cancelled");

    private final FirmContext context;
    private final PortalService portal;

    public PortalResource(FirmContext context) {
        this.context = context;
        this.portal = new PortalService(context);
    }

    @GET
    @Path("memberships")
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("business") String business, @QueryParam("status") String status,
            @QueryParam("search") String search, @QueryParam("first") String first, @QueryParam("max") String max) {
        context.actor().require(FirmPermission.VIEW_FIRM);
        if (status != null && !STATUSES.contains(status)) {
            throw FirmAccessException.badInput("'status' must be one of pending, expired, active, cancelled");
        }
        return Pages.of(first, max, context.limits(),
                (from, size) -> portal.page(business, status, search, from, size),
                () -> portal.count(business, status, search));
    }

    @POST
    @Path("invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response invite(String body) {
        List<PortalMembership> created = portalOfViewer()
                .invite(JsonBodies.read(body, InviteRequest.class, context.limits()));
        return Created.with(created);
    }

    @POST
    @Path("memberships")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response add(String body) {
        PortalMembership added = portalOfViewer().add(JsonBodies.read(body, AddRequest.class, context.limits()));
        return Created.with(added);
    }

    @GET
    @Path("memberships/{membershipId}")
    @Produces(MediaType.APPLICATION_JSON)
    public PortalMembership get(@PathParam("membershipId") String id) {
        return portalOfViewer().get(id);
    }

    @DELETE
    @Path("memberships/{membershipId}")
    public Response remove(@PathParam("membershipId") String id) {
        portalOfViewer().remove(id);
        return Response.noContent().build();
    }

    @POST
    @Path("memberships/{membershipId}/send")
    @Produces(MediaType.APPLICATION_JSON)
    public PortalMembership send(@PathParam("membershipId") String id) {
        return portalOfViewer().send(id);
    }

    @POST
    @Path("memberships/{membershipId}/cancel")
    public Response cancel(@PathParam("membershipId") String id) {
        portalOfViewer().cancel(id);
        return Response.noContent().build();
    }

    /**
     * Send, resend or cancel the selected memberships in one request: 200 with one outcome per
     * membership (a membership in its resend cooldown is reported, not sent); 400, 404 or 409 and
     * nothing changes when any selected membership is unknown or does not fit the action.
     */
    @POST
    @Path("bulk-actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public BulkResult bulk(String body) {
        context.actor().require(FirmPermission.VIEW_FIRM);
        return new PortalBulk(context).run(JsonBodies.read(body, BulkRequest.class, context.limits()));
    }

    /**
     * Bulk invitations from a CSV upload, all or nothing: 201 with the memberships, or 400 naming
     * every bad row (413 for an upload over the size or row limit). An upload over the rows answered
     * at once, or sent with {@code Prefer: respond-async}, gets 202 and its status to poll.
     */
    @POST
    @Path("imports")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Response importCsv(@HeaderParam("Prefer") String prefer, String body) {
        context.actor().require(FirmPermission.VIEW_FIRM);
        return PortalCsvReplies.imported(context, body, prefer);
    }

    /** Where an import answered with 202 stands, from any node. */
    @GET
    @Path("imports/{importId}")
    @Produces(MediaType.APPLICATION_JSON)
    public PortalImportStatus importStatus(@PathParam("importId") String id) {
        context.actor().require(FirmPermission.VIEW_FIRM);
        return new PortalImportJobs(context).status(id);
    }

    /** The portal users as CSV (RFC 4180, cells neutralised against spreadsheet formulas). */
    @GET
    @Path("export")
    @Produces(PortalCsvReplies.CSV)
    public Response export(@QueryParam("business") String business) {
        context.actor().require(FirmPermission.VIEW_FIRM);
        return PortalCsvReplies.export(context, business);
    }

    /** Issuing the link is audited, and it is issued when it was never sent, so it is a POST. */
    @POST
    @Path("memberships/{membershipId}/link")
    @Produces(MediaType.APPLICATION_JSON)
    public Link link(@PathParam("membershipId") String id) {
        return portalOfViewer().link(id);
    }

    /**
     * The portal, once the caller is known to be staff who may view the firm: every operation checks
     * that before it reads a body or looks anything up.
     */
    private PortalService portalOfViewer() {
        context.actor().require(FirmPermission.VIEW_FIRM);
        return portal;
    }
}
