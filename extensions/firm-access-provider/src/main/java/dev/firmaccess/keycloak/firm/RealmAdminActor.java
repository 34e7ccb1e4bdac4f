package dev.firmaccess.keycloak.firm;

import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.core.StaffRole;
import java.util.Optional;
import org.keycloak.models.OrganizationModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * A realm administrator acting through the admin API. Keycloak's own organization permissions
 * decide: viewing needs view rights on the organization, every change needs manage rights.
 */
public record RealmAdminActor(AdminPermissionEvaluator auth, OrganizationModel firm) implements FirmActor {

    @Override
    public String userId() {
        return auth.adminAuth().getUser().getId();
    }

    @Override
    public Optional<StaffRole> staffRole() {
        return Optional.empty();
    }

    @Override
    public boolean may(FirmPermission permission) {
        return switch (permission) {
            case VIEW_FIRM, VIEW_ALL -> auth.orgs().canView(firm);
            case CREATE_BUSINESS, MANAGE, MANAGE_OWNERS -> auth.orgs().canManage(firm);
        };
    }

    @Override
    public void require(FirmPermission permission) {
        if (!may(permission)) {
            throw FirmAccessException.of(ErrorCode.FORBIDDEN,
                    "Your realm administration roles do not allow this on organization "
                    + firm.getAlias());
        }
    }
}
