package dev.firmaccess.keycloak.claims;

import dev.firmaccess.keycloak.access.AccessLevels;
import dev.firmaccess.keycloak.claims.FirmClaim.BusinessClaim;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A member's businesses for the claim: at most {@code cap} of them, each at the strongest level
 * among the grants that reach it, and whether more exist. Pure, so it is unit-tested alone.
 */
record CappedBusinesses(List<BusinessClaim> businesses, boolean capped) {

    /**
     * @param reachedIds the ids of up to {@code cap + 1} reached businesses, in claim order; one
     *                   more than the cap means the list was cut
     * @param levelsById the levels of the grants that reach the first {@code cap} of them
     */
    static CappedBusinesses of(List<String> reachedIds, int cap, Map<String, List<String>> levelsById,
            AccessLevels levels) {
        List<BusinessClaim> businesses = new ArrayList<>();
        for (String id : reachedIds.subList(0, Math.min(cap, reachedIds.size()))) {
            List<String> held = levelsById.get(id);
            // A grant removed between the two reads drops its business rather than inventing a level.
            if (held != null) {
                businesses.add(new BusinessClaim(id, levels.strongestOf(held)));
            }
        }
        return new CappedBusinesses(businesses, reachedIds.size() > cap);
    }
}
