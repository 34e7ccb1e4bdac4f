package dev.firmaccess.keycloak.console;

import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.firm.CallerOrigin;
import dev.firmaccess.keycloak.firm.FirmSummary;
import dev.firmaccess.keycloak.firm.MyFirms;
import dev.firmaccess.keycloak.firm.StaffRepository;
import dev.firmaccess.keycloak.settings.FirmAccessSettings;
import dev.firmaccess.keycloak.web.Paging;
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
import java.util.List;
import java.util.Map;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.organization.OrganizationProvider;

/** The firm console at {@code /realms/{realm}/firm-access/console/}: sign-in, the firm chooser and each firm's pages. */
public class ConsoleResource {

    /** Most firms the chooser lists; staff of more firms than this are not expected. */
    static final int FIRM_CHOOSER_LIMIT = 100;

    private final KeycloakSession session;
    private final ConsoleSignIn signIn;
    private final ConsolePages pages;

    public ConsoleResource(KeycloakSession session) {
        this.session = session;
        this.signIn = new ConsoleSignIn(session);
        this.pages = new ConsolePages(session);
    }

    /**
     * The firm chooser. {@code return} names a console page to go to instead, e.g. from a link of
     * another application; only pages of this realm's console are followed, anything else is ignored.
     */
    @GET
    public Response home(@QueryParam("return") String returnTo) {
        ConsoleUser user = signIn.current();
        if (user == null) {
            return signIn.redirectToLogin(returnTo);
        }
        if (returnTo != null) {
            URI target = signIn.returnTarget(returnTo);
            if (!target.equals(URI.create(ConsolePaths.base(session)))) {
                return Response.seeOther(target).build();
            }
        }
        List<FirmSummary> firms = firmsOf(session, user);
        boolean portalUser = ConsolePortalHome.hasWorkspaces(session, user);
        if (firms.isEmpty() && portalUser) {
            return Response.seeOther(URI.create(ConsolePaths.base(session) + "portal")).build();
        }
        if (firms.size() == 1 && !portalUser) {
            return Response.seeOther(URI.create(ConsolePaths.base(session) + "firms/" + firms.get(0).alias() + "/"))
                    .build();
        }
        return pages.render(200, "console-firms", user.auth().user(), Map.of("firms", firms, "csrf", user.csrf(),
                "userName", displayName(user), "portalUser", portalUser));
    }

    /** A portal user's own workspaces; staff who are portal users too reach it from the firm chooser. */
    @Path("portal")
    public ConsolePortalHome portal() {
        return new ConsolePortalHome(session, signIn, pages);
    }

    @GET
    @Path("callback")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state) {
        Response signedIn = signIn.complete(code, state);
        return signedIn != null ? signedIn : pages.error(400, null, null);
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(MultivaluedMap<String, String> form) {
        ConsoleUser user = signIn.current();
        if (user == null || !user.acceptsCsrf(form.getFirst("csrf"))) {
            return pages.error(403, null, user == null ? null : user.auth().user());
        }
        return signIn.logout(user);
    }

    /**
     * Every firm of the realm with its figures, for realm administrators who may view organizations;
     * anyone else gets the 403 page and nothing of any firm.
     */
    @GET
    @Path("firms")
    public Response realmFirms(@QueryParam("search") String search, @QueryParam("first") String first) {
        ConsoleUser user = signIn.current();
        if (user == null) {
            return signIn.redirectToLogin();
        }
        if (ConsoleRealmAdmin.of(session, user).isEmpty()) {
            return pages.error(403, ErrorCode.FORBIDDEN, user.auth().user());
        }
        Map<String, Object> model = new ConsoleRealmFirms(session).model(search, ConsoleFirmResource.offset(first));
        model.put("csrf", user.csrf());
        model.put("userName", displayName(user));
        return pages.render(200, "console-realm-firms", user.auth().user(), model);
    }

    @Path("firms/{firm}")
    public ConsoleFirmResource firm(@PathParam("firm") String firm) {
        return new ConsoleFirmResource(session, signIn, pages, firm);
    }

    /** The firms the user is staff of; for a realm administrator, every firm of the realm. */
    static List<FirmSummary> firmsOf(KeycloakSession session, ConsoleUser user) {
        List<FirmSummary> asStaff = new MyFirms(session.getProvider(OrganizationProvider.class),
                new StaffRepository(session.getProvider(JpaConnectionProvider.class).getEntityManager()),
                FirmAccessSettings.of(session.getContext().getRealm()))
                .of(user.auth().user(), CallerOrigin.CONSOLE, new Paging(0, FIRM_CHOOSER_LIMIT));
        return ConsoleRealmAdmin.of(session, user)
                .map(admin -> admin.firms(asStaff, FIRM_CHOOSER_LIMIT))
                .orElse(asStaff);
    }

    static String displayName(ConsoleUser user) {
        String first = user.auth().user().getFirstName();
        String last = user.auth().user().getLastName();
        String full = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
        return full.isEmpty() ? user.auth().user().getUsername() : full;
    }
}
