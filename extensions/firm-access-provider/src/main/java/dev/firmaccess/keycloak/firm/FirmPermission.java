package dev.firmaccess.keycloak.firm;

/** What an actor may do in a firm. Staff get them from their role, realm admins from Keycloak's admin permissions. */
public enum FirmPermission {
    /** See the firm itself and the businesses one can reach: every staff member. */
    VIEW_FIRM,
    /** See all staff, businesses, teams, grants and the audit log. */
    VIEW_ALL,
    /** Create a business (members only when the realm allows it). */
    CREATE_BUSINESS,
    /** Change staff, access, businesses, grants and teams. */
    MANAGE,
    /** Make, unmake or remove owners, and define the firm's own access levels. */
    MANAGE_OWNERS
}
