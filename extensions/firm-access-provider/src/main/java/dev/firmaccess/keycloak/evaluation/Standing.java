package dev.firmaccess.keycloak.evaluation;

import dev.firmaccess.keycloak.core.StaffRole;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.keycloak.models.GroupModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;

/** Where one staff member stands in one firm: role, programmatic-access switch and teams. */
record Standing(OrganizationModel firm, UserModel user, StaffRole role, boolean programmaticAccess,
        List<GroupModel> teams) {

    List<String> teamIds() {
        return teams.stream().map(GroupModel::getId).toList();
    }

    Map<String, String> teamNames() {
        return teams.stream().collect(Collectors.toMap(GroupModel::getId, GroupModel::getName));
    }

    String key() {
        return key(firm.getId(), user.getId());
    }

    static String key(String firmId, String userId) {
        return firmId + '/' + userId;
    }
}
