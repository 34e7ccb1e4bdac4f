package dev.firmaccess.keycloak.evaluation;

import dev.firmaccess.keycloak.core.StaffRole;
import java.util.List;
import java.util.Map;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;

/** Where one staff member stands in one firm: role, programmatic-access switch and teams. */
record Standing(OrganizationModel firm, UserModel user, StaffRole role, boolean programmaticAccess,
        Map<String, String> teamNames) {

    List<String> teamIds() {
        return List.copyOf(teamNames.keySet());
    }

    String key() {
        return key(firm.getId(), user.getId());
    }

    static String key(String firmId, String userId) {
        return firmId + '/' + userId;
    }
}
