package dev.firmaccess.keycloak.access;

import java.util.List;

/** Request and response shapes of the grant endpoints. */
public final class GrantViews {

    private GrantViews() {
    }

    /** Who holds a grant on a business, and at which level. */
    public record BusinessGrant(String businessId, String subjectType, String subjectId, String subjectName,
            String level) {
    }

    /** A business a team has a grant on. */
    public record TeamGrant(String businessId, String name, String level) {
    }

    /** Body of a single share: the level, or the strongest when absent. */
    public record LevelInput(String level) {
    }

    /** Body of a bulk share. */
    public record BulkGrants(List<BulkGrantItem> grants) {
    }

    public record BulkGrantItem(String businessId, String subjectType, String subjectId, String level) {
    }

    /** Body of a bulk unshare. */
    public record BulkRevoke(List<BulkRevokeItem> grants) {
    }

    public record BulkRevokeItem(String businessId, String subjectType, String subjectId) {
    }

    /**
     * Body that replaces a staff member's direct grants: all of them, or, with a scope, only those
     * on the scope's businesses (one page of a long list), leaving the others as they are.
     */
    public record AccessReplacement(List<DirectGrant> grants, List<String> scope) {
    }

    public record DirectGrant(String businessId, String level) {
    }
}
