package dev.firmaccess.keycloak.access;

import dev.firmaccess.keycloak.firm.StaffAccessCache;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.keycloak.models.UserModel;

/**
 * Every grant reaching a user, directly or through their groups, by business id: kept beside the
 * user in {@link StaffAccessCache}, so that deciding about one of the user's businesses reads no
 * database. Every change of those grants evicts the user (grants to the user, grants to a team
 * they are in, their team memberships, the level of a grant), as it does for the user's claim.
 */
public final class UserGrants {

    private UserGrants() {
    }

    /**
     * The grants by business id; empty when the user has more than {@code maxCached} of them, which
     * are then not held in memory and are read for each decision instead.
     */
    public static Optional<Map<String, List<GrantRow>>> of(UserModel user, GrantRepository grants, int maxCached) {
        return StaffAccessCache.remembered(user, "grants", () -> {
            List<GrantRow> rows = grants.reachingUser(user.getId(), maxCached + 1);
            if (rows.size() > maxCached) {
                return Optional.<Map<String, List<GrantRow>>>empty();
            }
            Map<String, List<GrantRow>> byBusiness = rows.stream()
                    .collect(Collectors.groupingBy(GrantRow::businessId, HashMap::new, Collectors.toList()));
            byBusiness.replaceAll((business, reaching) -> List.copyOf(reaching));
            return Optional.of(Map.copyOf(byBusiness));
        });
    }
}
