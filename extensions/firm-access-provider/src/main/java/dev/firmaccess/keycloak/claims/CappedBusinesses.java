package dev.firmaccess.keycloak.claims;

import dev.firmaccess.keycloak.access.AccessLevels;
import dev.firmaccess.keycloak.claims.FirmClaim.BusinessClaim;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A member's businesses for the claim: at most {@code cap} of them, each at the strongest level
 * among the grants that reach it, and whether more exist. Pure, so it is unit-tested alone.
 */
record CappedBusinesses(List<BusinessClaim> businesses, boolean capped) {

    /**
     * @param rows (business id, level) pairs ordered by business id, holding every grant of at
     *             least the first {@code cap + 1} businesses; one more business than the cap
     *             means the list was cut
     */
    static CappedBusinesses of(List<Object[]> rows, int cap, AccessLevels levels) {
        Map<String, List<String>> levelsById = new LinkedHashMap<>();
        for (Object[] row : rows) {
            String businessId = (String) row[0];
            if (!levelsById.containsKey(businessId) && levelsById.size() == cap) {
                return new CappedBusinesses(claims(levelsById, levels), true);
            }
            levelsById.computeIfAbsent(businessId, id -> new ArrayList<>()).add((String) row[1]);
        }
        return new CappedBusinesses(claims(levelsById, levels), false);
    }

    /** No business listed, for a claim whose budget is spent: capped when the member reaches any. */
    static CappedBusinesses none(boolean reachesAny) {
        return new CappedBusinesses(List.of(), reachesAny);
    }

    private static List<BusinessClaim> claims(Map<String, List<String>> levelsById, AccessLevels levels) {
        List<BusinessClaim> businesses = new ArrayList<>();
        levelsById.forEach((id, held) -> businesses.add(new BusinessClaim(id, levels.strongestOf(held))));
        return businesses;
    }
}
