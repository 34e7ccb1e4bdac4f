package dev.firmaccess.keycloak.claims;

import dev.firmaccess.keycloak.access.AccessLevels;
import dev.firmaccess.keycloak.access.GrantRepository;
import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.firm.StaffEntity;
import dev.firmaccess.keycloak.firm.StaffRepository;
import dev.firmaccess.keycloak.firm.TeamDirectory;
import dev.firmaccess.keycloak.metrics.FirmAccessMetrics;
import dev.firmaccess.keycloak.settings.FirmAccessSettings;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * Builds the claim of one user. A token costs one query for the user's staff rows, and for each
 * firm where the user is a plain member two more (teams, and the levels of the grants on one capped
 * page of reached businesses), whatever the size of the firm.
 */
final class FirmClaims {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final FirmAccessSettings settings;
    private final StaffRepository staff;
    private final GrantRepository grants;

    FirmClaims(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.settings = FirmAccessSettings.of(realm);
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.staff = new StaffRepository(em);
        this.grants = new GrantRepository(em);
    }

    int realmCap() {
        return settings.claimBusinessCap();
    }

    List<FirmClaim> of(UserModel user, List<OrganizationModel> firms, int cap) {
        if (firms.isEmpty()) {
            return List.of();
        }
        Map<String, StaffEntity> rows = staff.findByUser(user.getId()).stream()
                .collect(Collectors.toMap(StaffEntity::getOrganizationId, Function.identity()));
        return firms.stream().map(firm -> claim(user, firm, rows.get(firm.getId()), cap)).toList();
    }

    private FirmClaim claim(UserModel user, OrganizationModel firm, StaffEntity row, int cap) {
        StaffRole role = row == null ? StaffRole.MEMBER : row.getRole();
        boolean programmaticAccess = row == null || row.isProgrammaticAccess();
        if (role.reachesAllBusinesses()) {
            return new FirmClaim(firm.getId(), firm.getAlias(), firm.getName(), role.canonicalName(),
                    settings.labelOf(role), programmaticAccess, FirmClaim.ALL_BUSINESSES, false);
        }
        List<String> teamIds = new TeamDirectory(session, realm, session.getProvider(OrganizationProvider.class), firm)
                .teamIdsOf(user);
        CappedBusinesses businesses = CappedBusinesses.of(
                grants.reachingLevels(firm.getId(), user.getId(), teamIds, (cap + 1) * (1 + teamIds.size())), cap,
                AccessLevels.of(settings, firm));
        if (businesses.capped()) {
            FirmAccessMetrics.claimCapped();
        }
        return new FirmClaim(firm.getId(), firm.getAlias(), firm.getName(), role.canonicalName(),
                settings.labelOf(role), programmaticAccess, businesses.businesses(), businesses.capped());
    }
}
