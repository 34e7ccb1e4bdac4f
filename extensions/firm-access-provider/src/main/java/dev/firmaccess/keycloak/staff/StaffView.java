package dev.firmaccess.keycloak.staff;

import java.util.List;

/** A staff member as owners and admins see them in the staff list. */
public record StaffView(String userId, String username, String email, String firstName, String lastName, String role,
        String roleLabel, boolean programmaticAccess, List<TeamRef> teams, long businessCount) {

    /** A team a staff member belongs to. */
    public record TeamRef(String id, String name) {
    }
}
