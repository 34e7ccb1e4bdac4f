package dev.firmaccess.keycloak.staff;

/** A staff member as a people picker offers them: an id to submit and a name to show. */
public record StaffOption(String userId, String username) {
}
