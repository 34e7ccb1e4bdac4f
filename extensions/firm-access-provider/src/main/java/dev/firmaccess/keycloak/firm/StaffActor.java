package dev.firmaccess.keycloak.firm;

import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.settings.FirmAccessSettings;
import java.util.Optional;

/** A staff member acting through the firm API: permissions follow from the staff role. */
public record StaffActor(String userId, StaffRole role, FirmAccessSettings settings) implements FirmActor {

    @Override
    public Optional<StaffRole> staffRole() {
        return Optional.of(role);
    }

    @Override
    public boolean may(FirmPermission permission) {
        return switch (permission) {
            case VIEW_FIRM -> true;
            case CREATE_BUSINESS -> role.reachesAllBusinesses() || settings.membersMayCreateBusinesses();
            case VIEW_ALL, MANAGE -> role.reachesAllBusinesses();
            case MANAGE_OWNERS -> role == StaffRole.OWNER;
        };
    }

    @Override
    public void require(FirmPermission permission) {
        if (!may(permission)) {
            throw switch (permission) {
                case MANAGE_OWNERS -> FirmAccessException.of(ErrorCode.OWNER_ONLY,
                        "Only an owner of the firm may do this");
                case CREATE_BUSINESS -> FirmAccessException.of(ErrorCode.MEMBERS_MAY_NOT_CREATE_BUSINESSES,
                        "Members of this firm may not create businesses");
                default -> FirmAccessException.of(ErrorCode.FORBIDDEN,
                        "Only owners and admins of the firm may do this");
            };
        }
    }
}
