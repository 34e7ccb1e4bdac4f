package dev.firmaccess.keycloak.admin;

/** Request body that sets a staff member's role. */
public record RoleChange(String role) {
}
