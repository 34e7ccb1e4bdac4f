package dev.firmaccess.keycloak.firm;

import dev.firmaccess.keycloak.core.StaffRole;
import java.util.Optional;

/**
 * Who acts on a firm: one of its staff through the firm API, or a realm administrator through
 * the admin API. Resources ask for permissions and never look at the kind of actor.
 */
public interface FirmActor {

    /** The acting user's id, recorded in the audit log. */
    String userId();

    /** The actor's staff role in the firm; empty for a realm administrator who is not staff. */
    Optional<StaffRole> staffRole();

    boolean may(FirmPermission permission);

    /** Throws the right error when the permission is missing: a 403 for the firm's staff. */
    void require(FirmPermission permission);

    /** Whether this actor is the staff member with the given id (staff may read their own access). */
    default boolean is(String otherUserId) {
        return userId().equals(otherUserId);
    }
}
