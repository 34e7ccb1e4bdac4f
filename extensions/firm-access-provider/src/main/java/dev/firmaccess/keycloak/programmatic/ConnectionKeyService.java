package dev.firmaccess.keycloak.programmatic;

import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmPermission;
import dev.firmaccess.keycloak.firm.StaffEntity;
import dev.firmaccess.keycloak.firm.StaffRepository;
import dev.firmaccess.keycloak.staff.StaffPolicy;
import dev.firmaccess.keycloak.storage.Jpa;
import dev.firmaccess.keycloak.web.Validation;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.keycloak.common.util.SecretGenerator;

/**
 * A staff member's connection keys in one firm. The member alone creates their keys (a key acts
 * as them, so nobody else may mint one); they and the firm's owners and admins list and revoke.
 */
public final class ConnectionKeyService {

    private final FirmContext context;
    private final StaffRepository staffRecords;
    private final ConnectionKeyRepository keys;

    public ConnectionKeyService(FirmContext context) {
        this.context = context;
        EntityManager em = Jpa.entityManager(context.session());
        this.staffRecords = new StaffRepository(em);
        this.keys = new ConnectionKeyRepository(em);
    }

    public List<ConnectionKeyView> page(String userId, int first, int max) {
        requireSelfOr(userId, FirmPermission.VIEW_ALL);
        context.requireStaffMember(userId);
        return keys.page(context.firm().getId(), userId, first, max).stream().map(ConnectionKeyView::of).toList();
    }

    public long count(String userId) {
        requireSelfOr(userId, FirmPermission.VIEW_ALL);
        return keys.count(context.firm().getId(), userId);
    }

    public ConnectionKeyView get(String userId, String keyId) {
        requireSelfOr(userId, FirmPermission.VIEW_ALL);
        context.requireStaffMember(userId);
        return ConnectionKeyView.of(require(userId, keyId));
    }

    public CreatedConnectionKey create(String userId, String requestedName) {
        if (!context.actor().is(userId)) {
            throw FirmAccessException.of(ErrorCode.KEY_CREATION_REFUSED,
                    "Only the staff member themself may create their connection keys");
        }
        context.requireStaffMember(userId);
        context.origin().requireMayMintKeys();
        String name = Validation.name(requestedName, "name");
        boolean programmatic = staffRecords.find(context.firm().getId(), userId)
                .map(StaffEntity::isProgrammaticAccess)
                .orElse(true);
        if (!programmatic) {
            throw FirmAccessException.of(ErrorCode.PROGRAMMATIC_ACCESS_OFF,
                    "Programmatic access is turned off for you in this firm");
        }
        // A bound per person and firm keeps the table small; enough for every script of one person.
        int limit = context.limits().keysPerMember();
        if (keys.count(context.firm().getId(), userId) >= limit) {
            throw FirmAccessException.of(ErrorCode.KEY_LIMIT, "You already have " + limit
                    + " connection keys in this firm; revoke one first");
        }
        ConnectionKeyEntity key = new ConnectionKeyEntity();
        key.placeNew(context.realm().getId(), context.firm().getId());
        key.setUserId(userId);
        key.setName(name);
        key.setCreatedAt(System.currentTimeMillis());
        String text = ConnectionKeyFormat.compose(key.getId(),
                SecretGenerator.getInstance().randomBytes(ConnectionKeyFormat.SECRET_BYTES));
        key.setSecretHash(ConnectionKeyFormat.hash(text));
        keys.add(key);
        ProgrammaticAccessPolicy.ensure(context.session(), context.realm());
        context.audit().record("key.created", "connection_key", key.getId(), null,
                Map.of("name", name, "userId", userId));
        return CreatedConnectionKey.of(key, text);
    }

    public void revoke(String userId, String keyId) {
        requireSelfOr(userId, FirmPermission.MANAGE);
        context.requireStaffMember(userId);
        if (!context.actor().is(userId)) {
            StaffPolicy.requireMayManage(context.actor(), staffRecords.roleOf(context.firm().getId(), userId));
        }
        ConnectionKeyEntity key = require(userId, keyId);
        keys.remove(key);
        context.audit().record("key.revoked", "connection_key", key.getId(),
                Map.of("name", key.getName(), "userId", userId), null);
    }

    private ConnectionKeyEntity require(String userId, String keyId) {
        return keys.find(context.firm().getId(), userId, keyId)
                .orElseThrow(() -> FirmAccessException.notFound("Connection key not found"));
    }

    private void requireSelfOr(String userId, FirmPermission permission) {
        if (!context.actor().is(userId)) {
            context.actor().require(permission);
        }
    }
}
