package dev.firmaccess.keycloak.core;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Users of one realm by id, for ids that come from a request, a stored row or a token. Keycloak's
 * user cache answers a lookup by id with any user the current request has already loaded, whatever
 * that user's realm (its per-request map of users is keyed by id alone): in a realm-admin request of
 * a server administrator, a lookup of the administrator's id in a firm's realm answers the
 * administrator of the master realm, as if they were a user of the firm's realm. The username,
 * unique within a realm, is looked up in the realm itself and must name the same id; both lookups
 * are answered by Keycloak's cache.
 */
public final class RealmUsers {

    private RealmUsers() {
    }

    /** The user with the id when it is a user of the realm, else null (also for a null id). */
    public static UserModel find(KeycloakSession session, RealmModel realm, String id) {
        UserModel user = id == null ? null : session.users().getUserById(realm, id);
        UserModel sameName = user == null ? null : session.users().getUserByUsername(realm, user.getUsername());
        return sameName != null && sameName.getId().equals(id) ? user : null;
    }
}
