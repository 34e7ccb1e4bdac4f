package dev.firmaccess.keycloak.console;

import dev.firmaccess.keycloak.access.AccessService;
import dev.firmaccess.keycloak.access.BusinessRepository.ArchiveFilter;
import dev.firmaccess.keycloak.access.BusinessService;
import dev.firmaccess.keycloak.access.GrantService;
import dev.firmaccess.keycloak.access.GrantViews.BulkGrantItem;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.core.StaffRole;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.UserModel;

/**
 * {@code .../console/firms/{firm}/staff}: the staff list, role changes, the programmatic-access
 * switch, removal, and each member's access with the manage-access form.
 */
public class ConsoleStaffPages extends ConsolePageFamily {

    ConsoleStaffPages(ConsoleFirmResource firm, ConsolePages pages) {
        super(firm, pages);
    }

    @GET
    public Response list(@QueryParam("search") String search, @QueryParam("first") String first) {
        return firm.page((user, context) -> {
            StaffService staff = new StaffService(context);
            int offset = ConsoleFirmResource.offset(first);
            Map<String, Object> model = firm.model(user, context, "staff");
            model.put("staff", staff.page(search, offset, ConsoleFirmResource.PAGE_SIZE));
            model.put("roles", ConsoleFirmResource.roleOptions(context));
            model.put("search", search == null ? "" : search);
            ConsoleFirmResource.paging(model, offset, staff.count(search));
            return pages.render(200, "console-staff", user.auth().user(), model);
        });
    }

    @POST
    @Path("{userId}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeRole(@PathParam("userId") String userId, MultivaluedMap<String, String> form) {
        return firm.action(form, (user, context) -> {
            StaffRole role = StaffRole.parse(form.getFirst("role"))
                    .orElseThrow(() -> FirmAccessException.badInput("Unknown role"));
            new StaffService(context).changeRole(userId, role);
            return firm.redirect(context, "staff");
        });
    }

    @POST
    @Path("{userId}/programmatic-access")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response programmaticAccess(@PathParam("userId") String userId, MultivaluedMap<String, String> form) {
        return firm.action(form, (user, context) -> {
            new StaffService(context).setProgrammaticAccess(userId, "true".equals(form.getFirst("enabled")));
            return firm.redirect(context, "staff");
        });
    }

    @POST
    @Path("{userId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("userId") String userId, MultivaluedMap<String, String> form) {
        return firm.action(form, (user, context) -> {
            new StaffService(context).remove(userId);
            return firm.redirect(context, "staff");
        });
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

    @POST
    @Path("{userId}/access")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("userId") String userId, MultivaluedMap<String, String> form) {
        return firm.action(form, (user, context) -> {
            List<String> selected = form.getOrDefault("business", List.of());
            if (selected.isEmpty()) {
                throw FirmAccessException.badInput("Select at least one business");
            }
            String level = form.getFirst("level");
            new GrantService(context).bulkShare(selected.stream()
                    .map(businessId -> new BulkGrantItem(businessId, "user", userId, level))
                    .toList());
            return firm.redirect(context, "staff/" + userId + "/access");
        });
    }

    @POST
    @Path("{userId}/access/all")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assignAll(@PathParam("userId") String userId, MultivaluedMap<String, String> form) {
        return firm.action(form, (user, context) -> {
            new GrantService(context).assignAll(context.requireStaffMember(userId), form.getFirst("level"));
            return firm.redirect(context, "staff/" + userId + "/access");
        });
    }
}
