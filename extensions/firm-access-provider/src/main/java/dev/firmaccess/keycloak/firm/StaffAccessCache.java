package dev.firmaccess.keycloak.firm;

import dev.firmaccess.keycloak.core.StaffRole;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.cache.CachedUserModel;
import org.keycloak.models.cache.UserCache;

/**
 * What tokens and decisions read about a user's standing in their firms (staff rows, reached
 * businesses, portal workspaces), kept beside the user in Keycloak's own user cache (the
 * {@code users} Infinispan cache) rather than in a map of ours. Whatever evicts the cached user drops
 * it: Keycloak's own changes of the user (team and organization membership are group memberships)
 * and {@link #evict}, which every change of staff rows, grants, businesses and active portal
 * memberships calls. An eviction takes effect when the change commits and reaches the other nodes
 * through Keycloak's user-invalidation cluster event, so no node answers from what another node
 * changed.
 */
public final class StaffAccessCache {

    private static final String PREFIX = "firm-access/";
    private static final String STAFF_RECORDS = "staff";

    /** A staff row as tokens and decisions need it. */
    public record StaffRecord(StaffRole role, boolean programmaticAccess) {

        /** A member of the firm without a stored row: the default role, programmatic access on. */
        public static final StaffRecord DEFAULT = new StaffRecord(StaffRole.MEMBER, true);
    }

    private StaffAccessCache() {
    }

    /** The user's staff rows by firm id; firms where the user has no row are absent. */
    public static Map<String, StaffRecord> staffRecords(UserModel user, StaffRepository staff) {
        return remembered(user, STAFF_RECORDS, () -> staff.findByUser(user.getId()).stream()
                .collect(Collectors.toUnmodifiableMap(StaffEntity::getOrganizationId,
                        row -> new StaffRecord(row.getRole(), row.isProgrammaticAccess()))));
    }

    /**
     * A value derived from the user's access, loaded once while the user stays cached. The value
     * must be immutable and must depend only on what evicts the user (staff rows, teams, grants, the
     * businesses they reach, active portal memberships and their businesses) and on the key; a user
     * outside the cache (cache off, or changed in this very transaction) loads afresh.
     */
    @SuppressWarnings("unchecked")
    public static <T> T remembered(UserModel user, String key, Supplier<T> load) {
        if (!(user instanceof CachedUserModel cached) || cached.isMarkedForEviction()) {
            return load.get();
        }
        Map<String, Object> entries = cached.getCachedWith();
        Object value = entries.get(PREFIX + key);
        if (value == null) {
            value = load.get();
            entries.put(PREFIX + key, value);
        }
        return (T) value;
    }

    /** Drops the cached standing of these users, on every node, when the current transaction commits. */
    public static void evict(KeycloakSession session, RealmModel realm, Collection<String> userIds) {
        UserCache cache = session.getProvider(UserCache.class);
        if (cache == null) {
            return;
        }
        for (String userId : new LinkedHashSet<>(userIds)) {
            UserModel user = session.users().getUserById(realm, userId);
            if (user != null) {
                cache.evict(realm, user);
            }
        }
    }
}
