package dev.firmaccess.keycloak.team;

import org.keycloak.models.UserModel;

/** A staff member named in a list, such as a team's members. */
public record StaffRef(String userId, String username, String email, String firstName, String lastName) {

    static StaffRef of(UserModel user) {
        return new StaffRef(user.getId(), user.getUsername(), user.getEmail(), user.getFirstName(), user.getLastName());
    }
}
