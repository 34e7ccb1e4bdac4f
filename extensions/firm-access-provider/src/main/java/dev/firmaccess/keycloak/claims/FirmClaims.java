package dev.firmaccess.keycloak.claims;

import dev.firmaccess.keycloak.access.AccessLevels;
import dev.firmaccess.keycloak.access.GrantRepository;
import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.firm.StaffAccessCache;
import dev.firmaccess.keycloak.firm.StaffAccessCache.StaffRecord;
import dev.firmaccess.keycloak.firm.StaffRepository;
import dev.firmaccess.keycloak.firm.TeamDirectory;
import dev.firmaccess.keycloak.metrics.FirmAccessMetrics;
import dev.firmaccess.keycloak.settings.FirmAccessSettings;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * Builds the claim of one user. Loading it costs one query for the user's staff rows, and for each
 * firm where the user is a plain member two more (teams, and the levels of the grants on one capped
 * page of reached businesses), whatever the size of the firm; what it loads stays in the user's
 * {@link StaffAccessCache} entry, so a refresh of a cached user asks the database nothing. The cap
 * is one budget for the whole claim: firms are filled in alias order until it is spent.
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
        Map<String, StaffRecord> rows = StaffAccessCache.staffRecords(user, staff);
        List<FirmClaim> claims = new ArrayList<>();
        int budget = cap;
        for (OrganizationModel firm : firms) {
            FirmClaim claim = claim(user, firm, rows.getOrDefault(firm.getId(), StaffRecord.DEFAULT), budget);
            if (claim.businesses() instanceof List<?> listed) {
                budget -= listed.size();
            }
            claims.add(claim);
        }
        return claims;
    }

    private FirmClaim claim(UserModel user, OrganizationModel firm, StaffRecord row, int cap) {
        StaffRole role = row.role();
        if (role.reachesAllBusinesses()) {
            return new FirmClaim(firm.getId(), firm.getAlias(), firm.getName(), role.canonicalName(),
                    settings.labelOf(role), row.programmaticAccess(), FirmClaim.ALL_BUSINESSES, false);
        }
        List<Object[]> reached = reachingLevels(user, firm, cap);
        // The firm's levels only where a list is built: an owner's or admin's claim, or a firm that
        // gets nothing of a budget spent on the firms before it, reads no level.
        CappedBusinesses businesses = cap == 0 ? CappedBusinesses.none(!reached.isEmpty())
                : CappedBusinesses.of(reached, cap, AccessLevels.of(settings, firm));
        if (businesses.capped()) {
            FirmAccessMetrics.claimCapped();
        }
        return new FirmClaim(firm.getId(), firm.getAlias(), firm.getName(), role.canonicalName(),
                settings.labelOf(role), row.programmaticAccess(), businesses.businesses(), businesses.capped());
    }

    /** The grants' (business id, level) rows of the first {@code cap + 1} reached businesses, cached with the user. */
    private List<Object[]> reachingLevels(UserModel user, OrganizationModel firm, int cap) {
        return StaffAccessCache.remembered(user, "claim/" + firm.getId() + '/' + cap, () -> {
            List<String> teamIds = new TeamDirectory(session, realm, session.getProvider(OrganizationProvider.class),
                    firm).cachedTeamIdsOf(user);
            return List.copyOf(grants.reachingLevels(firm.getId(), user.getId(), teamIds,
                    (cap + 1) * (1 + teamIds.size())));
        });
    }
}
