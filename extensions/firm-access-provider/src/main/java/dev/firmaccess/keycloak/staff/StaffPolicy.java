package dev.firmaccess.keycloak.staff;

import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.firm.FirmActor;
import dev.firmaccess.keycloak.firm.FirmPermission;

/**
 * The rules that keep a firm governable: only owners make, unmake or remove owners or otherwise act
 * on them (their programmatic access, their connection keys), and the last owner can be neither
 * demoted nor removed, so nobody can lock the firm out of itself.
 */
public final class StaffPolicy {

    private StaffPolicy() {
    }

    public static void checkRoleChange(FirmActor actor, StaffRole current, StaffRole target, long owners) {
        actor.require(current == StaffRole.OWNER || target == StaffRole.OWNER
                ? FirmPermission.MANAGE_OWNERS : FirmPermission.MANAGE);
        if (current == StaffRole.OWNER && target != StaffRole.OWNER && owners <= 1) {
            throw FirmAccessException.of(ErrorCode.LAST_OWNER,
                    "The firm's last owner cannot be demoted; make another owner first");
        }
    }

    /** Managing a staff member of the given role: owners are managed by owners only. */
    public static void requireMayManage(FirmActor actor, StaffRole target) {
        actor.require(target == StaffRole.OWNER ? FirmPermission.MANAGE_OWNERS : FirmPermission.MANAGE);
    }

    public static void checkRemoval(FirmActor actor, StaffRole current, long owners) {
        requireMayManage(actor, current);
        if (current == StaffRole.OWNER && owners <= 1) {
            throw FirmAccessException.of(ErrorCode.LAST_OWNER,
                    "The firm's last owner cannot be removed; make another owner first");
        }
    }
}
