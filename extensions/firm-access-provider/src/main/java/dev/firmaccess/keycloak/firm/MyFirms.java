package dev.firmaccess.keycloak.firm;

import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.settings.FirmAccessSettings;
import dev.firmaccess.keycloak.web.Paging;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/** The firms a user is staff of, with their role in each. */
public record MyFirms(OrganizationProvider organizations, StaffRepository staff, FirmAccessSettings settings) {

    /** The user's firms that the caller reaches: all of them, or only its key's firm for a connection-key session. */
    public List<FirmSummary> of(UserModel user, CallerOrigin origin, Paging paging) {
        Map<String, StaffRole> roles = staff.findByUser(user.getId()).stream()
                .collect(Collectors.toMap(StaffEntity::getOrganizationId, StaffEntity::getRole));
        return reached(user, origin)
                .sorted(Comparator.comparing(OrganizationModel::getName, String.CASE_INSENSITIVE_ORDER))
                .skip(paging.first())
                .limit(paging.max())
                .map(summary(roles))
                .toList();
    }

    public long count(UserModel user, CallerOrigin origin) {
        return reached(user, origin).count();
    }

    private Stream<OrganizationModel> reached(UserModel user, CallerOrigin origin) {
        return organizations.getByMember(user).filter(OrganizationModel::isEnabled).filter(origin::reaches);
    }

    private Function<OrganizationModel, FirmSummary> summary(Map<String, StaffRole> roles) {
        return firm -> {
            StaffRole role = roles.getOrDefault(firm.getId(), StaffRole.MEMBER);
            return new FirmSummary(firm.getId(), firm.getAlias(), firm.getName(),
                    role.canonicalName(), settings.labelOf(role));
        };
    }
}
