package dev.firmaccess.keycloak.console;

import dev.firmaccess.keycloak.access.AccessService;
import dev.firmaccess.keycloak.access.BusinessRepository.ArchiveFilter;
import dev.firmaccess.keycloak.access.BusinessService;
import dev.firmaccess.keycloak.access.GrantService;
import dev.firmaccess.keycloak.access.GrantViews.DirectGrant;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmPermission;
import dev.firmaccess.keycloak.staff.StaffService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keycloak.models.UserModel;

/**
 * {@code .../console/firms/{firm}/staff}: the staff list, role changes, the programmatic-access
 * switch, removal, and each member's access with the manage-access form.
 */
public class ConsoleStaffPages extends ConsolePageFamily {

    ConsoleStaffPages(ConsoleFirmResource firm, ConsolePages pages) {
        super(firm, pages);
    }

    /** The staff list with, for those who may act on them, the pending invitations under it (each list paged on its own). */
    @GET
    public Response list(@QueryParam("search") String search, @QueryParam("first") String first,
            @QueryParam("invitationsFirst") String invitationsFirst) {
        return firm.page((user, context) -> render(user, context, search, ConsoleFirmResource.offset(first),
                ConsoleFirmResource.offset(invitationsFirst), null));
    }

    /** The staff page, with an invitation link just issued from it when there is one. */
    Response render(ConsoleUser user, FirmContext context, String search, int offset, int invitationsOffset,
            Map<String, String> link) {
        StaffService staff = new StaffService(context);
        Map<String, Object> model = firm.model(user, context, "staff");
        model.put("staff", staff.page(search, offset, ConsoleFirmResource.PAGE_SIZE));
        model.put("roles", ConsoleFirmResource.roleOptions(context));
        model.put("mayManageOwners", context.actor().may(FirmPermission.MANAGE_OWNERS));
        model.put("search", search == null ? "" : search);
        ConsoleFirmResource.paging(model, offset, staff.count(search));
        if (context.actor().may(FirmPermission.MANAGE)) {
            ConsoleInvitationPages.putPending(model, context, invitationsOffset, link);
        }
        return pages.render(200, "console-staff", user.auth().user(), model);
    }

    @POST
    @Path("{userId}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeRole(@PathParam("userId") String userId, MultivaluedMap<String, String> form) {
        return firm.change(form, "staff", context -> {
            StaffRole role = StaffRole.parse(form.getFirst("role"))
                    .orElseThrow(() -> FirmAccessException.badInput("Unknown role"));
            new StaffService(context).changeRole(userId, role);
        });
    }

    @POST
    @Path("{userId}/programmatic-access")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response programmaticAccess(@PathParam("userId") String userId, MultivaluedMap<String, String> form) {
        return firm.change(form, "staff", context -> {
            new StaffService(context).setProgrammaticAccess(userId, "true".equals(form.getFirst("enabled")));
        });
    }

    @POST
    @Path("{userId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("userId") String userId, MultivaluedMap<String, String> form) {
        return firm.change(form, "staff", context -> new StaffService(context).remove(userId));
    }

    @GET
    @Path("{userId}/access")
    public Response access(@PathParam("userId") String userId, @QueryParam("search") String search,
            @QueryParam("first") String first) {
        return firm.page((user, context) -> {
            context.actor().require(FirmPermission.VIEW_ALL);
            UserModel member = context.requireStaffMember(userId);
            int offset = ConsoleFirmResource.offset(first);
            BusinessService businesses = new BusinessService(context);
            AccessService access = new AccessService(context, member);
            List<Map<String, Object>> rows = businesses.page(search, ArchiveFilter.ACTIVE, offset, ConsoleFirmResource.PAGE_SIZE).stream()
                    .map(business -> {
                        Map<String, Object> row = new HashMap<>();
                        row.put("id", business.id());
                        row.put("name", business.name());
                        access.explain(businesses.require(business.id())).ifPresent(explained -> {
                            row.put("level", explained.level());
                            row.put("paths", explained.paths());
                            explained.paths().stream().filter(path -> "direct".equals(path.type())).findFirst()
                                    .ifPresent(direct -> row.put("direct", direct.level()));
                        });
                        return row;
                    })
                    .toList();
            Map<String, Object> model = firm.model(user, context, "staff");
            model.put("member", new StaffService(context).get(userId));
            model.put("businesses", rows);
            model.put("search", search == null ? "" : search);
            ConsoleFirmResource.paging(model, offset, businesses.count(search, ArchiveFilter.ACTIVE));
            return pages.render(200, "console-access", user.auth().user(), model);
        });
    }

    /**
     * Saves the manage-access form: the member's direct grants on the businesses the page showed
     * become exactly the ticked ones, in one all-or-nothing change; businesses on other pages keep
     * theirs. A ticked business that already had a direct grant keeps its level, a newly ticked one
     * gets the chosen level.
     */
    @POST
    @Path("{userId}/access")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("userId") String userId, MultivaluedMap<String, String> form) {
        return firm.change(form, "staff/" + userId + "/access" + samePage(form), context -> {
            List<String> ticked = form.getOrDefault("business", List.of());
            Set<String> scope = new LinkedHashSet<>(form.getOrDefault("shown", List.of()));
            scope.addAll(ticked);
            if (scope.isEmpty()) {
                throw FirmAccessException.badInput("The form named no business to save");
            }
            String level = form.getFirst("level");
            List<DirectGrant> wanted = ticked.stream()
                    .map(businessId -> new DirectGrant(businessId, Optional.ofNullable(
                            ConsoleFirmResource.blankToNull(form.getFirst("direct-" + businessId))).orElse(level)))
                    .toList();
            new GrantService(context).replaceDirect(context.requireStaffMember(userId), wanted, List.copyOf(scope));
        });
    }

    /** The query that brings the manage-access page back to the page and search it was saved from. */
    private static String samePage(MultivaluedMap<String, String> form) {
        String search = ConsoleFirmResource.blankToNull(form.getFirst("search"));
        return "?first=" + ConsoleFirmResource.offset(form.getFirst("first"))
                + (search == null ? "" : "&search=" + URLEncoder.encode(search, StandardCharsets.UTF_8));
    }

    @POST
    @Path("{userId}/access/all")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assignAll(@PathParam("userId") String userId, MultivaluedMap<String, String> form) {
        return firm.change(form, "staff/" + userId + "/access", context -> {
            new GrantService(context).assignAll(context.requireStaffMember(userId), form.getFirst("level"));
        });
    }
}
