package dev.firmaccess.keycloak.admin;

import dev.firmaccess.keycloak.firm.FirmLocator;
import dev.firmaccess.keycloak.settings.FirmAccessSettings;
import dev.firmaccess.keycloak.staff.StaffEntity;
import dev.firmaccess.keycloak.staff.StaffRepository;
import dev.firmaccess.keycloak.staff.StaffRole;
import dev.firmaccess.keycloak.web.ApiErrors;
import dev.firmaccess.keycloak.web.JsonBodies;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Realm-administrator API at {@code /admin/realms/{realm}/firm-access}. */
public class FirmAccessAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    FirmAccessAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
            AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @PUT
    @Path("firms/{firm}/staff/{userId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> setRole(@PathParam("firm") String firmId, @PathParam("userId") String userId,
            String body) {
        OrganizationModel firm = FirmLocator.require(session, firmId);
        auth.orgs().requireManage(firm);
        RoleChange change = JsonBodies.read(body, RoleChange.class);
        StaffRole role = StaffRole.parse(change.role())
                .orElseThrow(() -> ApiErrors.badRequest("'role' must be one of owner, admin, member"));
        UserModel user = session.users().getUserById(realm, userId);
        if (user == null || !session.getProvider(OrganizationProvider.class).isMember(firm, user)) {
            throw ApiErrors.notFound("Staff member not found");
        }
        StaffRepository staff = new StaffRepository(session.getProvider(JpaConnectionProvider.class).getEntityManager());
        StaffEntity saved = staff.upsert(realm.getId(), firm.getId(), user.getId(), role);
        adminEvent.operation(OperationType.UPDATE)
                .resourcePath("firm-access", "firms", firm.getId(), "staff", user.getId())
                .representation(Map.of("role", role.canonicalName()))
                .success();
        return Map.of("userId", saved.getUserId(), "role", role.canonicalName(),
                "roleLabel", FirmAccessSettings.of(realm).labelOf(role));
    }
}
