package dev.firmaccess.keycloak.console;

import dev.firmaccess.keycloak.access.AccessLevels;
import dev.firmaccess.keycloak.access.BusinessEntity;
import dev.firmaccess.keycloak.access.BusinessRepository.ArchiveFilter;
import dev.firmaccess.keycloak.access.BusinessService;
import dev.firmaccess.keycloak.access.BusinessView;
import dev.firmaccess.keycloak.core.RealmUsers;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmPermission;
import dev.firmaccess.keycloak.portal.PortalBulk;
import dev.firmaccess.keycloak.portal.PortalCsv;
import dev.firmaccess.keycloak.portal.PortalCsvReplies;
import dev.firmaccess.keycloak.portal.PortalImport;
import dev.firmaccess.keycloak.portal.PortalImportJobs;
import dev.firmaccess.keycloak.portal.PortalRole;
import dev.firmaccess.keycloak.portal.PortalService;
import dev.firmaccess.keycloak.portal.PortalViews.AddRequest;
import dev.firmaccess.keycloak.portal.PortalViews.BulkRequest;
import dev.firmaccess.keycloak.portal.PortalViews.BulkResult;
import dev.firmaccess.keycloak.portal.PortalViews.InviteRequest;
import dev.firmaccess.keycloak.portal.PortalViews.Link;
import dev.firmaccess.keycloak.portal.PortalViews.PortalMembership;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.keycloak.models.UserModel;

/**
 * {@code .../console/firms/{firm}/portal}: the firm's portal users (its customers) across its
 * businesses, and per business the invite form, invite-all-owners, adding an active portal user,
 * and send, cancel, copy link and remove per row; bulk invitations from a CSV upload and the CSV
 * export. Everything goes through {@link PortalService},
 * which decides who may see and change which business's portal users.
 */
public class ConsolePortalPages extends ConsolePageFamily {

    private static final List<String> STATUSES = List.of("pending", "active", "expired", "cancelled");

    ConsolePortalPages(ConsoleFirmResource firm, ConsolePages pages) {
        super(firm, pages);
    }

    /** The firm-wide list, filtered by business and status; members see only businesses they have full access to. */
    @GET
    public Response list(@QueryParam("business") String business, @QueryParam("status") String status,
            @QueryParam("search") String search, @QueryParam("first") String first) {
        return firm.page((user, context) -> renderList(user, context, 200, new Filter(business, status, search),
                ConsoleFirmResource.offset(first), Map.of()));
    }

    /**
     * Bulk invitations from a CSV file or pasted text, through the same import as the API's
     * upload: all or nothing, with every bad row named on the list page, or the number of
     * memberships created. The file wins over the text when both are given. An upload over the
     * rows answered at once runs after the request, and the answer is its progress page.
     */
    @POST
    @Path("imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importCsv() {
        ConsoleUpload upload = ConsoleUpload.of(firm.session());
        return firm.action(upload.fields("csrf"), (user, context) -> {
            context.actor().require(FirmPermission.VIEW_FIRM);
            String csv = upload.textOf("file", context.limits().csvChars()).orElseGet(() -> upload.field("csv"));
            Map<String, Object> outcome = new HashMap<>();
            // The pasted text comes back for correction; a file is chosen again.
            outcome.put("csvText", upload.field("csv"));
            List<PortalCsv.Row> rows;
            try {
                rows = PortalCsv.read(csv, context.limits());
            } catch (PortalCsv.Unreadable unreadable) {
                outcome.put("importRefusal", unreadable.getMessage());
                return renderList(user, context, 400, Filter.NONE, 0, outcome);
            }
            PortalImportJobs jobs = new PortalImportJobs(context);
            if (jobs.runsLater(rows.size(), false)) {
                return firm.redirect(context, "portal/imports/" + jobs.start(csv, rows).id());
            }
            PortalImport.Result result = new PortalImport(context).run(rows, PortalImport.Progress.UNWATCHED);
            if (!result.errors().isEmpty()) {
                outcome.put("importRefusal", result.refusal());
                outcome.put("importErrors", result.errors());
                return renderList(user, context, 400, Filter.NONE, 0, outcome);
            }
            return renderList(user, context, 200, Filter.NONE, 0, Map.of("imported", result.created().size()));
        });
    }

    /**
     * An import too large to run within its upload: a progress bar while it runs (the page polls
     * itself; without scripts it refreshes), then its outcome as the upload's page shows it.
     */
    @GET
    @Path("imports/{importId}")
    public Response importStatus(@PathParam("importId") String importId) {
        return firm.page((user, context) -> {
            context.actor().require(FirmPermission.VIEW_FIRM);
            Map<String, Object> model = firm.model(user, context, "portal");
            model.put("importStatus", new PortalImportJobs(context).status(importId));
            return pages.render(200, "console-portal-import", user.auth().user(), model);
        });
    }

    /** The same CSV download as the API's export, of one business when the list is filtered to it. */
    @GET
    @Path("export")
    public Response export(@QueryParam("business") String business) {
        return firm.page((user, context) -> {
            context.actor().require(FirmPermission.VIEW_FIRM);
            return PortalCsvReplies.export(context, ConsoleFirmResource.blankToNull(business));
        });
    }

    @GET
    @Path("businesses/{businessId}")
    public Response business(@PathParam("businessId") String businessId, @QueryParam("first") String first) {
        return firm.page((user, context) -> renderBusiness(user, context, businessId,
                ConsoleFirmResource.offset(first), Map.of()));
    }

    /**
     * Invites everyone typed into the business. Guests always get their activation at once, so the
     * "send now" box counts for owners only; unticked, owners are pre-provisioned and invited later.
     */
    @POST
    @Path("businesses/{businessId}/invite")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(@PathParam("businessId") String businessId, MultivaluedMap<String, String> form) {
        return changeBusiness(form, businessId, portal -> {
            boolean guest = PortalRole.parse(form.getFirst("role")).filter(PortalRole.GUEST::equals).isPresent();
            boolean send = guest || "true".equals(form.getFirst("send"));
            portal.invite(new InviteRequest(businessId, form.getFirst("role"),
                    ConsoleFirmResource.blankToNull(form.getFirst("level")), form.getFirst("message"), send,
                    ConsolePortalInvitees.parse(form.getFirst("people"))));
        });
    }

    @POST
    @Path("businesses/{businessId}/invite-owners")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response inviteOwners(@PathParam("businessId") String businessId, MultivaluedMap<String, String> form) {
        return changeBusiness(form, businessId, portal -> portal.inviteOwners(businessId));
    }

    /** Adds an active portal user of the firm to this business: access at once, no email. */
    @POST
    @Path("businesses/{businessId}/add")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("businessId") String businessId, MultivaluedMap<String, String> form) {
        return changeBusiness(form, businessId, portal -> {
            portal.add(new AddRequest(form.getFirst("userId"), businessId, form.getFirst("role"),
                    ConsoleFirmResource.blankToNull(form.getFirst("level"))));
        });
    }

    /**
     * Sends, cancels or removes one membership and answers with the page of its business, looked up
     * first as removal deletes it.
     */
    @POST
    @Path("memberships/{membershipId}/{change:send|cancel|remove}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeMembership(@PathParam("membershipId") String membershipId,
            @PathParam("change") String change, MultivaluedMap<String, String> form) {
        return change(form, null, portal -> {
            String businessId = portal.get(membershipId).businessId();
            switch (change) {
                case "send" -> portal.send(membershipId);
                case "cancel" -> portal.cancel(membershipId);
                // the path admits no other change
                default -> portal.remove(membershipId);
            }
            return businessId;
        });
    }

    /**
     * Send, resend or cancel the rows ticked on a portal list in one go, through the same bulk
     * action as the API (all or nothing for validity, a row in its cooldown reported and left as
     * it was); answers with the list it came from, filtered as it was, and an outcome per row.
     */
    @POST
    @Path("bulk")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response bulk(MultivaluedMap<String, String> form) {
        return firm.action(form, (user, context) -> {
            List<String> ids = form.get("membershipId");
            BulkResult result = new PortalBulk(context).run(new BulkRequest(form.getFirst("action"),
                    ids == null ? List.of() : ids));
            Map<String, Object> outcome = Map.of("bulkResults", result.results());
            String businessId = ConsoleFirmResource.blankToNull(form.getFirst("business"));
            if ("business".equals(form.getFirst("from")) && businessId != null) {
                return renderBusiness(user, context, businessId, 0, outcome);
            }
            return renderList(user, context, 200, new Filter(businessId, form.getFirst("status"),
                    ConsoleFirmResource.blankToNull(form.getFirst("search"))), 0, outcome);
        });
    }

    /** The link is shown on the answer page itself: issuing it is audited, so it is a POST, not a link to follow. */
    @POST
    @Path("memberships/{membershipId}/link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response link(@PathParam("membershipId") String membershipId, MultivaluedMap<String, String> form) {
        return firm.action(form, (user, context) -> {
            PortalService portal = new PortalService(context);
            Link link = portal.link(membershipId);
            PortalMembership membership = portal.get(membershipId);
            Map<String, Object> shown = Map.of("membershipId", membershipId, "url", link.url(),
                    "expiresAt", link.expiresAt(), "email", membership.email());
            return renderBusiness(user, context, membership.businessId(), 0, Map.of("link", shown));
        });
    }

    /** Runs a change to one business the caller manages and answers with that business's page. */
    private Response changeBusiness(MultivaluedMap<String, String> form, String businessId,
            Consumer<PortalService> change) {
        return change(form, businessId, portal -> {
            change.accept(portal);
            return businessId;
        });
    }

    /** Runs a change and answers with the page of the business it touched (the change answers its id). */
    private Response change(MultivaluedMap<String, String> form, String businessId,
            Function<PortalService, String> change) {
        return firm.action(form, (user, context) -> {
            PortalService portal = new PortalService(context);
            if (businessId != null) {
                portal.requireManagedBusiness(businessId);
            }
            String touched = change.apply(portal);
            return firm.redirect(context, "portal/businesses/" + touched);
        });
    }

    private Response renderList(ConsoleUser user, FirmContext context, int status, Filter filter, int offset,
            Map<String, Object> outcome) {
        String businessId = ConsoleFirmResource.blankToNull(filter.business());
        String statusFilter = filter.status() != null && STATUSES.contains(filter.status()) ? filter.status() : null;
        String search = filter.search();
        PortalService portal = new PortalService(context);
        Map<String, Object> model = firm.model(user, context, "portal");
        model.put("memberships", portal.page(businessId, statusFilter, search, offset, ConsoleFirmResource.PAGE_SIZE));
        model.put("businesses", managedBusinesses(context));
        model.put("statuses", STATUSES);
        model.put("business", businessId == null ? "" : businessId);
        model.put("status", statusFilter == null ? "" : statusFilter);
        model.put("search", search == null ? "" : search);
        model.putAll(outcome);
        ConsoleFirmResource.paging(model, offset, portal.count(businessId, statusFilter, search));
        return pages.render(status, "console-portal-users", user.auth().user(), model);
    }

    /** The list's filters as given in the query; blank and unknown values mean no filter. */
    private record Filter(String business, String status, String search) {

        static final Filter NONE = new Filter(null, null, null);
    }

    private Response renderBusiness(ConsoleUser user, FirmContext context, String businessId, int offset,
            Map<String, Object> outcome) {
        PortalService portal = new PortalService(context);
        BusinessEntity business = portal.requireManagedBusiness(businessId);
        List<PortalMembership> rows = portal.page(business.getId(), null, null, offset, ConsoleFirmResource.PAGE_SIZE);
        Map<String, Object> model = firm.model(user, context, "portal");
        model.put("business", Map.of("id", business.getId(), "name", business.getName(),
                "archived", business.isArchived()));
        model.put("memberships", rows);
        model.put("addable", addable(context, portal, business.getId()));
        model.put("unsentOwners", portal.page(business.getId(), "pending", null, 0, ConsoleTeamPages.PICKER_LIMIT)
                .stream().anyMatch(m -> "owner".equals(m.role()) && m.invitedAt() == null));
        model.put("now", System.currentTimeMillis());
        model.put("search", "");
        model.putAll(outcome);
        ConsoleFirmResource.paging(model, offset, portal.count(business.getId(), null, null));
        return pages.render(200, "console-portal-business", user.auth().user(), model);
    }

    /**
     * Active portal users of the firm who are not in this business yet, one entry a person named as
     * their account is now, for the add picker (at most {@link ConsoleTeamPages#PICKER_LIMIT}
     * memberships are looked at).
     */
    private static List<Map<String, String>> addable(FirmContext context, PortalService portal, String businessId) {
        List<PortalMembership> active = portal.page(null, "active", null, 0, ConsoleTeamPages.PICKER_LIMIT);
        Set<String> here = active.stream().filter(m -> m.businessId().equals(businessId))
                .map(PortalMembership::userId).collect(Collectors.toSet());
        Map<String, Map<String, String>> people = new LinkedHashMap<>();
        active.stream()
                .filter(m -> m.userId() != null && !here.contains(m.userId()) && !people.containsKey(m.userId()))
                .forEach(m -> {
                    UserModel user = RealmUsers.find(context.session(), context.realm(), m.userId());
                    if (user != null) {
                        people.put(m.userId(), Map.of("userId", m.userId(), "label", label(user, m.email())));
                    }
                });
        return List.copyOf(people.values());
    }

    private static String label(UserModel user, String email) {
        String name = Stream.of(user.getFirstName(), user.getLastName())
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(" "));
        return name.isEmpty() ? email : name + " <" + email + ">";
    }

    /** The businesses whose portal users the actor manages, for the business filter: members only their full ones. */
    private static List<BusinessView> managedBusinesses(FirmContext context) {
        boolean all = context.actor().may(FirmPermission.VIEW_ALL);
        String full = AccessLevels.of(context).strongest();
        return new BusinessService(context).page(null, ArchiveFilter.ACTIVE, 0, ConsoleTeamPages.PICKER_LIMIT)
                .stream()
                .filter(business -> all || full.equals(business.level()))
                .toList();
    }
}
