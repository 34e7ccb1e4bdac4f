package dev.firmaccess.keycloak.firm;

import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.settings.FirmAccessSettings;
import dev.firmaccess.keycloak.web.Paging;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/** The firms a user is staff of, with their role in each. */
public final class MyFirms {

    private final OrganizationProvider organizations;
    private final StaffRepository staff;
    private final FirmAccessSettings settings;

    public MyFirms(OrganizationProvider organizations, StaffRepository staff, FirmAccessSettings settings) {
        this.organizations = organizations;
        this.staff = staff;
        this.settings = settings;
    }

    public List<FirmSummary> of(UserModel user, Paging paging) {
        Map<String, StaffRole> roles = staff.findByUser(user.getId()).stream()
                .collect(Collectors.toMap(StaffEntity::getOrganizationId, StaffEntity::getRole));
        return organizations.getByMember(user)
                .filter(OrganizationModel::isEnabled)
                .sorted(Comparator.comparing(OrganizationModel::getName, String.CASE_INSENSITIVE_ORDER))
                .skip(paging.first())
                .limit(paging.max())
                .map(summary(roles))
                .toList();
    }

    public long count(UserModel user) {
        return organizations.getByMember(user).filter(OrganizationModel::isEnabled).count();
    }

    private Function<OrganizationModel, FirmSummary> summary(Map<String, StaffRole> roles) {
        return firm -> {
            StaffRole role = roles.getOrDefault(firm.getId(), StaffRole.MEMBER);
            return new FirmSummary(firm.getId(), firm.getAlias(), firm.getName(),
                    role.canonicalName(), settings.labelOf(role));
        };
    }
}
