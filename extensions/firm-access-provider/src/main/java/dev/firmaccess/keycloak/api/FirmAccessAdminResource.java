package dev.firmaccess.keycloak.api;

import dev.firmaccess.keycloak.backup.BackupResource;
import dev.firmaccess.keycloak.admin.FirmAccessSetUp;
import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.firm.FirmContexts;
import dev.firmaccess.keycloak.firm.FirmSearch;
import dev.firmaccess.keycloak.settings.SettingsService;
import dev.firmaccess.keycloak.settings.SettingsView;
import dev.firmaccess.keycloak.web.JsonBodies;
import dev.firmaccess.keycloak.web.Limits;
import dev.firmaccess.keycloak.web.Pages;
import dev.firmaccess.keycloak.web.Paging;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Realm-administrator API at {@code /admin/realms/{realm}/firm-access}. */
public class FirmAccessAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final Limits limits;

    FirmAccessAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
            AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.limits = Limits.of(session);
    }

    @GET
    @Path("firms")
    @Produces(MediaType.APPLICATION_JSON)
    public Response firms(@QueryParam("search") String search, @QueryParam("first") String first,
            @QueryParam("max") String max) {
        if (!auth.orgs().canView()) {
            throw FirmAccessException.of(ErrorCode.FORBIDDEN, 
                    "Viewing organizations needs the view-realm or view-organizations role");
        }
        Paging paging = Paging.of(first, max, limits);
        FirmSearch firms = new FirmSearch(session.getProvider(OrganizationProvider.class));
        String term = search == null || search.isBlank() ? null : search.trim();
        return Pages.of(firms.page(term, paging.first(), paging.max()).stream()
                        .map(org -> new AdminFirm(org.getId(), org.getAlias(), org.getName(), org.isEnabled()))
                        .toList(),
                firms.count(term));
    }

    @Path("firms/{firm}")
    public FirmResource firm(@PathParam("firm") String firm) {
        return new FirmResource(FirmContexts.forRealmAdmin(session, auth, adminEvent, firm));
    }

    @Path("backup")
    public BackupResource backup() {
        return new BackupResource(session, realm, auth, adminEvent);
    }

    @GET
    @Path("settings")
    @Produces(MediaType.APPLICATION_JSON)
    public SettingsView settings() {
        if (!auth.realm().canViewRealm()) {
            throw FirmAccessException.of(ErrorCode.FORBIDDEN, "Viewing the settings needs the view-realm role");
        }
        return new SettingsService(session, realm).read();
    }

    @PUT
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public SettingsView updateSettings(String body) {
        if (!auth.realm().canManageRealm()) {
            throw FirmAccessException.of(ErrorCode.FORBIDDEN, "Changing the settings needs the manage-realm role");
        }
        SettingsService settings = new SettingsService(session, realm);
        SettingsView before = settings.read();
        SettingsView after = FirmAccessSetUp.update(session, realm, JsonBodies.read(body, SettingsView.class, limits));
        adminEvent.operation(OperationType.UPDATE)
                .resourcePath("firm-access", "settings")
                .representation(java.util.Map.of("before", before, "after", after))
                .success();
        return after;
    }
}
