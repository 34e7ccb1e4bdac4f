package dev.firmaccess.keycloak.console;

import dev.firmaccess.keycloak.access.BusinessRepository.ArchiveFilter;
import dev.firmaccess.keycloak.access.BusinessService;
import dev.firmaccess.keycloak.access.GrantService;
import dev.firmaccess.keycloak.access.GrantViews.BulkGrantItem;
import dev.firmaccess.keycloak.core.FirmAccessException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code .../console/firms/{firm}/businesses}: the firm's businesses, bulk sharing, creation and
 * archiving.
 */
public class ConsoleBusinessPages extends ConsolePageFamily {

    ConsoleBusinessPages(ConsoleFirmResource firm, ConsolePages pages) {
        super(firm, pages);
    }

    @GET
    public Response list(@QueryParam("search") String search, @QueryParam("first") String first,
            @QueryParam("archived") String archived) {
        return firm.page((user, context) -> {
            context.actor().require(FirmPermission.VIEW_ALL);
            ArchiveFilter filter = "true".equals(archived) ? ArchiveFilter.ARCHIVED : ArchiveFilter.ACTIVE;
            BusinessService businesses = new BusinessService(context);
            int offset = ConsoleFirmResource.offset(first);
            Map<String, Object> model = firm.model(user, context, "businesses");
            model.put("businesses", businesses.page(search, filter, offset, ConsoleFirmResource.PAGE_SIZE));
            model.put("search", search == null ? "" : search);
            model.put("archived", filter == ArchiveFilter.ARCHIVED);
            ConsoleFirmResource.paging(model, offset, businesses.count(search, filter));
            model.put("mayManage", context.actor().may(FirmPermission.MANAGE));
            model.put("staffOptions", new StaffService(context).options(ConsoleTeamPages.PICKER_LIMIT));
            model.put("teamOptions", new TeamService(context).options(ConsoleTeamPages.PICKER_LIMIT));
            return pages.render(200, "console-businesses", user.auth().user(), model);
        });
    }

    /**
     * Shares every selected business with every chosen person and team at one level, all or
     * nothing: the bulk grant call refuses the whole set when any one grant is refused.
     */
    @POST
    @Path("share")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response bulkShare(MultivaluedMap<String, String> form) {
        return firm.action(form, (user, context) -> {
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
            return firm.redirect(context, "businesses");
        });
    }

    @POST
        @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createBusiness(MultivaluedMap<String, String> form) {
        return firm.action(form, (user, context) -> {
            new BusinessService(context).create(form.getFirst("name"), ConsoleFirmResource.blankToNull(form.getFirst("externalRef")));
            return firm.redirect(context, context.actor().may(FirmPermission.VIEW_ALL) ? "businesses" : "mine");
        });
    }

    @POST
    @Path("{businessId}/archive")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response archive(@PathParam("businessId") String businessId, MultivaluedMap<String, String> form) {
        return firm.change(form, "businesses", context -> {
            new BusinessService(context).setArchived(businessId, !"false".equals(form.getFirst("archived")));
        });
    }
}
