package dev.firmaccess.keycloak.firm;

import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.core.StaffRole;
import java.util.Optional;

/**
 * The firm's joiner rules, applied for a person who just joined through the firm's identity
 * provider: the rules were set by an owner or admin, so they may do what an admin may (give the
 * member or admin role, add to teams, share businesses), never anything about owners. The audit
 * records the joiner as the actor.
 */
final class JoinerActor implements FirmActor {

    private final String joinerId;

    JoinerActor(String joinerId) {
        this.joinerId = joinerId;
    }

    @Override
    public String userId() {
        return joinerId;
    }

    @Override
    public Optional<StaffRole> staffRole() {
        return Optional.of(StaffRole.MEMBER);
    }

    @Override
    public boolean may(FirmPermission permission) {
        return permission != FirmPermission.MANAGE_OWNERS;
    }

    @Override
    public void require(FirmPermission permission) {
        if (!may(permission)) {
            throw FirmAccessException.of(ErrorCode.OWNER_ONLY, "Joiner rules never make or change owners");
        }
    }
}
