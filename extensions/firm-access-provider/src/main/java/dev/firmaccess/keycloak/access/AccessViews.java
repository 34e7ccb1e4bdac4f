package dev.firmaccess.keycloak.access;

import java.util.List;

/** What the access endpoints answer. */
public final class AccessViews {

    private AccessViews() {
    }

    /** A staff member's effective access: every business for owners and admins, else their page of reachable ones. */
    public record Access(String userId, String role, String roleLabel, boolean allBusinesses, List<Entry> businesses) {
    }

    /** One business a staff member reaches, at the effective level. */
    public record Entry(String businessId, String name, String level) {
    }

    /** Why a staff member reaches a business: every path, and the level the strongest gives. */
    public record Explanation(String businessId, String name, String level, List<AccessPath> paths) {
    }
}
