package dev.firmaccess.keycloak.access;

/** Who a grant is given to: one staff user directly, or a team (an organization group). */
public enum GrantSubjectType {
    USER,
    TEAM
}
