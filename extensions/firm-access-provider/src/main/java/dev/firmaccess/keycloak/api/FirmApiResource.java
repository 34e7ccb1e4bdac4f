package dev.firmaccess.keycloak.api;

import dev.firmaccess.keycloak.firm.FirmContexts;
import dev.firmaccess.keycloak.firm.MyFirms;
import dev.firmaccess.keycloak.firm.StaffRepository;
import dev.firmaccess.keycloak.portal.PortalViews.Workspace;
import dev.firmaccess.keycloak.portal.PortalWorkspaces;
import dev.firmaccess.keycloak.settings.FirmAccessSettings;
import dev.firmaccess.keycloak.web.BearerCaller;
import dev.firmaccess.keycloak.web.Limits;
import dev.firmaccess.keycloak.web.Pages;
import dev.firmaccess.keycloak.web.Paging;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/** The firm REST API, version 1: {@code /realms/{realm}/firm-access/api/v1}. */
public class FirmApiResource {

    private final KeycloakSession session;
    private final Limits limits;

    FirmApiResource(KeycloakSession session, Limits limits) {
        this.session = session;
        this.limits = limits;
    }

    @GET
    @Path("firms")
    @Produces(MediaType.APPLICATION_JSON)
    public Response myFirms(@QueryParam("first") String first, @QueryParam("max") String max) {
        BearerCaller caller = BearerAuth.require(session);
        TokenOrigin origin = new TokenOrigin(session, caller, limits.keyCreationMaxAuthAgeSeconds());
        Paging paging = Paging.of(first, max, limits);
        MyFirms firms = new MyFirms(
                session.getProvider(OrganizationProvider.class),
                new StaffRepository(session.getProvider(JpaConnectionProvider.class).getEntityManager()),
                FirmAccessSettings.of(session.getContext().getRealm()));
        UserModel user = caller.auth().user();
        return Pages.of(firms.of(user, origin, paging), firms.count(user, origin));
    }

    @Path("firms/{firm}")
    public FirmResource firm(@PathParam("firm") String firm) {
        BearerCaller caller = BearerAuth.require(session);
        return new FirmResource(FirmContexts.forStaff(session, caller.auth(),
                new TokenOrigin(session, caller, limits.keyCreationMaxAuthAgeSeconds()), firm));
    }

    /** The caller's own client-portal workspaces, for any user of the realm (an empty list for staff-only users). */
    @GET
    @Path("portal/workspaces")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Workspace> myWorkspaces() {
        AuthResult caller = BearerAuth.require(session).auth();
        return new PortalWorkspaces(session).of(caller.user());
    }

    @GET
    @Path("openapi.yaml")
    @Produces("application/yaml")
    public String openApi() {
        return OpenApiDocument.yaml();
    }
}
