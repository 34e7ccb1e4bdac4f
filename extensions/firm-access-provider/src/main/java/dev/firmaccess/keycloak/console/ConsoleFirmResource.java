package dev.firmaccess.keycloak.console;

import dev.firmaccess.keycloak.access.AccessLevels;
import dev.firmaccess.keycloak.access.AccessService;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.firm.CallerOrigin;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmContexts;
import dev.firmaccess.keycloak.firm.FirmPermission;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.keycloak.models.KeycloakSession;

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

    @Path("staff")
    public ConsoleStaffPages staff() {
        return new ConsoleStaffPages(this, pages);
    }

    @Path("businesses")
    public ConsoleBusinessPages businesses() {
        return new ConsoleBusinessPages(this, pages);
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

    @Path("matrix")
    public ConsoleMatrixPages matrix() {
        return new ConsoleMatrixPages(this, pages);
    }

    @Path("invitations")
    public ConsoleInvitationPages invitations() {
        return new ConsoleInvitationPages(this, pages);
    }

    @Path("teams")
    public ConsoleTeamPages teams() {
        return new ConsoleTeamPages(this, pages);
    }

    @Path("levels")
    public ConsoleLevelPages levels() {
        return new ConsoleLevelPages(this, pages);
    }

    @Path("sso")
    public ConsoleSsoPage sso() {
        return new ConsoleSsoPage(this, pages);
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

    /**
     * A form post that changes something, answered with a redirect to the page to show after it,
     * so that reloading that page repeats nothing.
     */
    Response change(MultivaluedMap<String, String> form, String then, Consumer<FirmContext> change) {
        return action(form, (user, context) -> {
            change.accept(context);
            return redirect(context, then);
        });
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
            return FirmContexts.forStaff(session, user.auth(), CallerOrigin.CONSOLE, firm);
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
        model.put("levels", AccessLevels.of(context).all());
        model.put("firmUrl", ConsolePaths.path(context.realm()) + "firms/" + context.firm().getAlias() + "/");
        return model;
    }

    /**
     * The roles the viewer may give, each with the realm's label: only owners make owners, so
     * nobody else is offered the role and then refused.
     */
    static List<Map<String, String>> roleOptions(FirmContext context) {
        return List.of(StaffRole.values()).stream()
                .filter(role -> role != StaffRole.OWNER || context.actor().may(FirmPermission.MANAGE_OWNERS))
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
