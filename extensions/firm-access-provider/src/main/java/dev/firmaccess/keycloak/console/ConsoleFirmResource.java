package dev.firmaccess.keycloak.console;

import dev.firmaccess.keycloak.access.AccessLevels;
import dev.firmaccess.keycloak.access.AccessService;
import dev.firmaccess.keycloak.access.BusinessRepository.ArchiveFilter;
import dev.firmaccess.keycloak.access.BusinessService;
import dev.firmaccess.keycloak.access.GrantService;
import dev.firmaccess.keycloak.access.GrantViews.BulkGrantItem;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmContexts;
import dev.firmaccess.keycloak.firm.FirmPermission;
import dev.firmaccess.keycloak.staff.StaffService;
import dev.firmaccess.keycloak.team.TeamService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * One firm's console pages. Every page and action builds the same {@link FirmContext} as the firm
 * API and calls the same domain services, so permissions, validation and audit are the API's.
 */
public class ConsoleFirmResource {

    static final int PAGE_SIZE = 20;

    private final KeycloakSession session;
    private final ConsoleSignIn signIn;
    private final ConsolePages pages;
    private final String firm;

    ConsoleFirmResource(KeycloakSession session, ConsoleSignIn signIn, ConsolePages pages, String firm) {
        this.session = session;
        this.signIn = signIn;
        this.pages = pages;
        this.firm = firm;
    }

    @GET
    public Response home() {
        return page((user, context) -> redirect(context,
                context.actor().may(FirmPermission.VIEW_ALL) ? "staff" : "mine"));
    }

    @GET
    @Path("staff")
    public Response staff(@QueryParam("search") String search, @QueryParam("first") String first) {
        return page((user, context) -> {
            StaffService staff = new StaffService(context);
            int offset = offset(first);
            Map<String, Object> model = model(user, context, "staff");
            model.put("staff", staff.page(search, offset, PAGE_SIZE));
            model.put("roles", roleOptions(context));
            model.put("search", search == null ? "" : search);
            paging(model, offset, staff.count(search));
            return pages.render(200, "console-staff", user.auth().user(), model);
        });
    }

    @POST
    @Path("staff/{userId}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeRole(@PathParam("userId") String userId, MultivaluedMap<String, String> form) {
        return action(form, (user, context) -> {
            StaffRole role = StaffRole.parse(form.getFirst("role"))
                    .orElseThrow(() -> FirmAccessException.badInput("Unknown role"));
            new StaffService(context).changeRole(userId, role);
            return redirect(context, "staff");
        });
    }

    @POST
    @Path("staff/{userId}/programmatic-access")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response programmaticAccess(@PathParam("userId") String userId, MultivaluedMap<String, String> form) {
        return action(form, (user, context) -> {
            new StaffService(context).setProgrammaticAccess(userId, "true".equals(form.getFirst("enabled")));
            return redirect(context, "staff");
        });
    }

    @POST
    @Path("staff/{userId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("userId") String userId, MultivaluedMap<String, String> form) {
        return action(form, (user, context) -> {
            new StaffService(context).remove(userId);
            return redirect(context, "staff");
        });
    }

    @GET
    @Path("staff/{userId}/access")
    public Response access(@PathParam("userId") String userId, @QueryParam("search") String search,
            @QueryParam("first") String first) {
        return page((user, context) -> {
            context.actor().require(FirmPermission.VIEW_ALL);
            UserModel member = context.requireStaffMember(userId);
            int offset = offset(first);
            BusinessService businesses = new BusinessService(context);
            AccessService access = new AccessService(context, member);
            List<Map<String, Object>> rows = businesses.page(search, ArchiveFilter.ACTIVE, offset, PAGE_SIZE).stream()
                    .map(business -> {
                        Map<String, Object> row = new HashMap<>();
                        row.put("id", business.id());
                        row.put("name", business.name());
                        access.explain(businesses.require(business.id())).ifPresent(explained -> {
                            row.put("level", explained.level());
                            row.put("paths", explained.paths());
                        });
                        return row;
                    })
                    .toList();
            Map<String, Object> model = model(user, context, "staff");
            model.put("member", new StaffService(context).get(userId));
            model.put("businesses", rows);
            model.put("search", search == null ? "" : search);
            paging(model, offset, businesses.count(search, ArchiveFilter.ACTIVE));
            return pages.render(200, "console-access", user.auth().user(), model);
        });
    }

    @POST
    @Path("staff/{userId}/access")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("userId") String userId, MultivaluedMap<String, String> form) {
        return action(form, (user, context) -> {
            List<String> selected = form.getOrDefault("business", List.of());
            if (selected.isEmpty()) {
                throw FirmAccessException.badInput("Select at least one business");
            }
            String level = form.getFirst("level");
            new GrantService(context).bulkShare(selected.stream()
                    .map(businessId -> new BulkGrantItem(businessId, "user", userId, level))
                    .toList());
            return redirect(context, "staff/" + userId + "/access");
        });
    }

    @POST
    @Path("staff/{userId}/access/all")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assignAll(@PathParam("userId") String userId, MultivaluedMap<String, String> form) {
        return action(form, (user, context) -> {
            new GrantService(context).assignAll(context.requireStaffMember(userId), form.getFirst("level"));
            return redirect(context, "staff/" + userId + "/access");
        });
    }

    @GET
    @Path("businesses")
    public Response businesses(@QueryParam("search") String search, @QueryParam("first") String first,
            @QueryParam("archived") String archived) {
        return page((user, context) -> {
            context.actor().require(FirmPermission.VIEW_ALL);
            ArchiveFilter filter = "true".equals(archived) ? ArchiveFilter.ARCHIVED : ArchiveFilter.ACTIVE;
            BusinessService businesses = new BusinessService(context);
            int offset = offset(first);
            Map<String, Object> model = model(user, context, "businesses");
            model.put("businesses", businesses.page(search, filter, offset, PAGE_SIZE));
            model.put("search", search == null ? "" : search);
            model.put("archived", filter == ArchiveFilter.ARCHIVED);
            paging(model, offset, businesses.count(search, filter));
            model.put("mayManage", context.actor().may(FirmPermission.MANAGE));
            model.put("staffOptions", new StaffService(context).page(null, 0, ConsoleTeamPages.PICKER_LIMIT));
            model.put("teamOptions", new TeamService(context).page(null, 0, ConsoleTeamPages.PICKER_LIMIT));
            return pages.render(200, "console-businesses", user.auth().user(), model);
        });
    }

    /**
     * Shares every selected business with every chosen person and team at one level, all or
     * nothing: the bulk grant call refuses the whole set when any one grant is refused.
     */
    @POST
    @Path("businesses/share")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response bulkShare(MultivaluedMap<String, String> form) {
        return action(form, (user, context) -> {
            List<String> selected = form.getOrDefault("business", List.of());
            List<String> people = form.getOrDefault("person", List.of());
            List<String> teams = form.getOrDefault("team", List.of());
            if (selected.isEmpty() || people.isEmpty() && teams.isEmpty()) {
                throw FirmAccessException.badInput("Select at least one business, and at least one person or team");
            }
            String level = form.getFirst("level");
            List<BulkGrantItem> grants = new ArrayList<>();
            for (String businessId : selected) {
                people.forEach(userId -> grants.add(new BulkGrantItem(businessId, "user", userId, level)));
                teams.forEach(teamId -> grants.add(new BulkGrantItem(businessId, "team", teamId, level)));
            }
            new GrantService(context).bulkShare(grants);
            return redirect(context, "businesses");
        });
    }

    @POST
    @Path("businesses")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createBusiness(MultivaluedMap<String, String> form) {
        return action(form, (user, context) -> {
            new BusinessService(context).create(form.getFirst("name"), blankToNull(form.getFirst("externalRef")));
            return redirect(context, context.actor().may(FirmPermission.VIEW_ALL) ? "businesses" : "mine");
        });
    }

    @POST
    @Path("businesses/{businessId}/archive")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response archive(@PathParam("businessId") String businessId, MultivaluedMap<String, String> form) {
        return action(form, (user, context) -> {
            new BusinessService(context).setArchived(businessId, !"false".equals(form.getFirst("archived")));
            return redirect(context, "businesses");
        });
    }

    /** A staff member's own businesses, each with its level and the reasons they have it. */
    @GET
    @Path("mine")
    public Response mine(@QueryParam("search") String search, @QueryParam("first") String first) {
        return page((user, context) -> {
            AccessService access = new AccessService(context, user.auth().user());
            int offset = offset(first);
            Map<String, Object> model = model(user, context, "mine");
            model.put("businesses", access.explain(search, offset, PAGE_SIZE));
            model.put("search", search == null ? "" : search);
            model.put("mayCreate", context.actor().may(FirmPermission.CREATE_BUSINESS));
            paging(model, offset, access.count(search));
            return pages.render(200, "console-mine", user.auth().user(), model);
        });
    }

    @Path("invitations")
    public ConsoleInvitationPages invitations() {
        return new ConsoleInvitationPages(this, pages);
    }

    @Path("teams")
    public ConsoleTeamPages teams() {
        return new ConsoleTeamPages(this, pages);
    }

    @Path("audit")
    public ConsoleAuditPage audit() {
        return new ConsoleAuditPage(this, pages);
    }

    @Path("keys")
    public ConsoleKeyPages keys() {
        return new ConsoleKeyPages(this, pages);
    }

    @Path("portal")
    public ConsolePortalPages portal() {
        return new ConsolePortalPages(this, pages);
    }

    KeycloakSession session() {
        return session;
    }

    Response page(BiFunction<ConsoleUser, FirmContext, Response> render) {
        ConsoleUser user = signIn.current();
        if (user == null) {
            return signIn.redirectToLogin();
        }
        return inFirm(user, render);
    }

    /** A form post: refused with the 403 page unless the session's CSRF token came with it. */
    Response action(MultivaluedMap<String, String> form, BiFunction<ConsoleUser, FirmContext, Response> act) {
        ConsoleUser user = signIn.current();
        if (user == null || !user.acceptsCsrf(form.getFirst("csrf"))) {
            return pages.error(403, null, user == null ? null : user.auth().user());
        }
        return inFirm(user, act);
    }

    private Response inFirm(ConsoleUser user, BiFunction<ConsoleUser, FirmContext, Response> body) {
        try {
            return body.apply(user, context(user));
        } catch (FirmAccessException refused) {
            session.getTransactionManager().setRollbackOnly();
            return pages.error(refused, user.auth().user());
        }
    }

    /** Staff act in their firm role; a realm administrator who is not staff acts with the admin API's rights. */
    private FirmContext context(ConsoleUser user) {
        try {
            return FirmContexts.forStaff(session, user.auth(), firm);
        } catch (FirmAccessException notStaff) {
            return ConsoleRealmAdmin.of(session, user)
                    .map(admin -> admin.context(firm))
                    .orElseThrow(() -> notStaff);
        }
    }

    Map<String, Object> model(ConsoleUser user, FirmContext context, String section) {
        Map<String, Object> model = new HashMap<>();
        model.put("firm", context.summary());
        model.put("firms", ConsoleResource.firmsOf(session, user));
        model.put("csrf", user.csrf());
        model.put("userName", ConsoleResource.displayName(user));
        model.put("canManage", context.actor().may(FirmPermission.VIEW_ALL));
        // A realm administrator who is not staff has no businesses or keys of their own in the firm.
        model.put("isStaff", context.actor().staffRole().isPresent());
        model.put("section", section);
        model.put("levels", AccessLevels.of(context.settings()).all());
        model.put("firmUrl", ConsolePaths.path(context.realm()) + "firms/" + context.firm().getAlias() + "/");
        return model;
    }

    static List<Map<String, String>> roleOptions(FirmContext context) {
        return List.of(StaffRole.values()).stream()
                .map(role -> Map.of("value", role.canonicalName(), "label", context.settings().labelOf(role)))
                .toList();
    }

    static void paging(Map<String, Object> model, int offset, long total) {
        model.put("first", offset);
        model.put("total", total);
        model.put("pageSize", PAGE_SIZE);
    }

    Response redirect(FirmContext context, String page) {
        return Response.seeOther(URI.create(ConsolePaths.base(session) + "firms/" + context.firm().getAlias() + "/"
                + page)).build();
    }

    static int offset(String first) {
        try {
            return first == null ? 0 : Math.max(0, Integer.parseInt(first));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
