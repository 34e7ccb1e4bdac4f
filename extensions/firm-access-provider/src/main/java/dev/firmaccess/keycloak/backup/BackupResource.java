package dev.firmaccess.keycloak.backup;

import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.web.JsonBodies;
import dev.firmaccess.keycloak.web.Limits;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/firm-access/backup}: Keycloak's realm export offers providers no
 * place for their own data, so the firm data has this backup and restore of its own, taken next
 * to the realm export and restored after the realm import.
 */
public final class BackupResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    public BackupResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
            AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public BackupDocument backup() {
        if (!auth.realm().canViewRealm()) {
            throw FirmAccessException.of(ErrorCode.FORBIDDEN, "Backing up the firm data needs the view-realm role");
        }
        return new BackupReader(session, realm, em()).read();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Integer> restore(String body) {
        if (!auth.realm().canManageRealm()) {
            throw FirmAccessException.of(ErrorCode.FORBIDDEN, "Restoring the firm data needs the manage-realm role");
        }
        BackupDocument document = JsonBodies.read(body, BackupDocument.class, Limits.of(session));
        Map<String, Integer> restored = new BackupRestorer(session, realm, em()).restore(document);
        adminEvent.operation(OperationType.CREATE)
                .resourcePath("firm-access", "backup")
                .representation(restored)
                .success();
        return restored;
    }

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
