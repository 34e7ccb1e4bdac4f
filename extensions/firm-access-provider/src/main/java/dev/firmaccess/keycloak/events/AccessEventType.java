package dev.firmaccess.keycloak.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The changes that grow or shrink someone's access, as subscribers receive them. Each is raised
 * by the audited change of the same meaning, whichever service made it.
 */
public enum AccessEventType {
    GRANT_ADDED("grant.added", "grant.added", "grant.bulk_added", "access.assigned_all"),
    GRANT_CHANGED("grant.changed", "grant.changed", "access.replaced", "grant.level_moved"),
    GRANT_REMOVED("grant.removed", "grant.removed", "grant.bulk_revoked"),
    STAFF_ADDED("staff.added", "staff.added", "invitation.accepted", "sso.joined"),
    STAFF_REMOVED("staff.removed", "staff.removed"),
    STAFF_ROLE_CHANGED("staff.role_changed", "staff.role_changed"),
    STAFF_PROGRAMMATIC_ACCESS_CHANGED("staff.programmatic_access_changed", "staff.programmatic_access_changed"),
    TEAM_MEMBERSHIP_CHANGED("team.membership_changed", "team.member_added", "team.member_removed"),
    BUSINESS_ARCHIVED("business.archived", "business.archived"),
    BUSINESS_RESTORED("business.restored", "business.restored"),
    BUSINESS_DELETED("business.deleted", "business.deleted"),
    PORTAL_MEMBERSHIP_STARTED("portal.membership_started", "portal.activated", "portal.added"),
    PORTAL_MEMBERSHIP_ENDED("portal.membership_ended", "portal.removed"),
    PORTAL_MEMBERSHIP_CHANGED("portal.membership_changed", "portal.level_moved"),
    LEVEL_DELETED("level.deleted", "level.deleted");

    private final String wireName;
    private final String[] auditActions;

    AccessEventType(String wireName, String... auditActions) {
        this.wireName = wireName;
        this.auditActions = auditActions;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<AccessEventType> parse(String value) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(value)).findFirst();
    }

    /** The event an audited action raises, if it changes access. */
    static Optional<AccessEventType> ofAuditAction(String action) {
        return Arrays.stream(values()).filter(type -> Arrays.asList(type.auditActions).contains(action)).findFirst();
    }

    /** The wire names, for error messages. */
    static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(AccessEventType::wireName).toList())
                .toLowerCase(Locale.ROOT);
    }
}
