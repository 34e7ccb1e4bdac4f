package dev.firmaccess.keycloak.console;

import dev.firmaccess.keycloak.access.AccessMatrix;
import dev.firmaccess.keycloak.access.AccessMatrix.Columns;
import dev.firmaccess.keycloak.access.BusinessRepository.ArchiveFilter;
import dev.firmaccess.keycloak.access.BusinessService;
import dev.firmaccess.keycloak.access.GrantService;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmPermission;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code .../console/firms/{firm}/matrix}: the staff × business matrix for owners and admins
 * (members get the 403 page). Rows are the firm's active businesses, columns its staff or its
 * teams, both paged; a cell is the level of the direct or team grant. Where scripts run, a cell is
 * saved as soon as it changes ({@code matrix/cell}, with the page's CSRF token); without them the
 * whole page is one form whose Save applies the changed cells, all or nothing.
 */
public class ConsoleMatrixPages extends ConsolePageFamily {

    /** Columns per page: staff or teams side by side stay readable on a laptop screen. */
    static final int COLUMNS_PER_PAGE = 8;
    private static final String CELL = "c.";
    private static final String WAS = "w.";

    ConsoleMatrixPages(ConsoleFirmResource firm, ConsolePages pages) {
        super(firm, pages);
    }

    @GET
    public Response matrix(@QueryParam("search") String search, @QueryParam("first") String first,
            @QueryParam("columns") String columns, @QueryParam("columnFirst") String columnFirst) {
        return firm.page((user, context) -> {
            context.actor().require(FirmPermission.VIEW_ALL);
            View view = new View(search, ConsoleFirmResource.offset(first), Columns.parse(columns),
                    ConsoleFirmResource.offset(columnFirst));
            AccessMatrix.Page page = new AccessMatrix(context).page(ConsoleFirmResource.blankToNull(search),
                    view.first(), ConsoleFirmResource.PAGE_SIZE, view.columns(), view.columnFirst(),
                    COLUMNS_PER_PAGE);
            Map<String, Object> model = firm.model(user, context, "matrix");
            model.put("matrix", page);
            model.put("view", view.asModel());
            model.put("columnPageSize", COLUMNS_PER_PAGE);
            model.put("mayManage", context.actor().may(FirmPermission.MANAGE));
            // What "assign to all" reaches: every active business, whatever the search shows.
            model.put("activeBusinesses", new BusinessService(context).count(null, ArchiveFilter.ACTIVE));
            model.put("search", view.search());
            ConsoleFirmResource.paging(model, view.first(), page.rowCount());
            return pages.render(200, "console-matrix", user.auth().user(), model);
        });
    }

    /** The page without scripts: every cell whose value differs from the one shown is set, in one transaction. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> form) {
        return firm.action(form, (user, context) -> {
            GrantService grants = new GrantService(context);
            grants.requireMayShare();
            String subjectType = subjectType(form);
            form.forEach((name, values) -> {
                if (!name.startsWith(CELL)) {
                    return;
                }
                String[] ids = name.substring(CELL.length()).split("\\.", 2);
                String level = values.isEmpty() ? "" : values.get(0);
                if (ids.length == 2 && !level.equals(form.getFirst(WAS + name.substring(CELL.length())))) {
                    grants.set(ids[0], subjectType, ids[1], ConsoleFirmResource.blankToNull(level));
                }
            });
            return back(context, form);
        });
    }

    /** One cell, as the page's script saves it: 204, or the error page's status when refused. */
    @POST
    @Path("cell")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cell(MultivaluedMap<String, String> form) {
        return firm.action(form, (user, context) -> {
            new GrantService(context).set(form.getFirst("business"), subjectType(form), form.getFirst("subject"),
                    ConsoleFirmResource.blankToNull(form.getFirst("level")));
            return Response.noContent().build();
        });
    }

    /** A column's "assign to all": the staff member gets the level on every active business, then the same view. */
    @POST
    @Path("assign-all")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assignAll(MultivaluedMap<String, String> form) {
        return firm.action(form, (user, context) -> {
            GrantService grants = new GrantService(context);
            grants.requireMayShare();
            grants.assignAll(context.requireStaffMember(form.getFirst("userId")),
                    ConsoleFirmResource.blankToNull(form.getFirst("level")));
            return back(context, form);
        });
    }

    private static String subjectType(MultivaluedMap<String, String> form) {
        return Columns.parse(form.getFirst("columns")) == Columns.TEAMS ? "team" : "user";
    }

    private Response back(FirmContext context, MultivaluedMap<String, String> form) {
        View view = new View(form.getFirst("search"), ConsoleFirmResource.offset(form.getFirst("first")),
                Columns.parse(form.getFirst("columns")), ConsoleFirmResource.offset(form.getFirst("columnFirst")));
        StringBuilder query = new StringBuilder();
        view.asModel().forEach((name, value) -> query.append(query.length() == 0 ? "?" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return firm.redirect(context, "matrix" + query);
    }

    /** What the matrix shows: the business search and page, which columns and their page. */
    private record View(String search, int first, Columns columns, int columnFirst) {

        View {
            search = search == null ? "" : search;
        }

        Map<String, String> asModel() {
            Map<String, String> model = new LinkedHashMap<>();
            model.put("search", search);
            model.put("first", Integer.toString(first));
            model.put("columns", columns.name().toLowerCase(Locale.ROOT));
            model.put("columnFirst", Integer.toString(columnFirst));
            return model;
        }
    }
}
