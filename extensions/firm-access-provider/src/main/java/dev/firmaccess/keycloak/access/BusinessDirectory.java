package dev.firmaccess.keycloak.access;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.cache.CacheRealmProvider;
import org.keycloak.models.cache.CachedRealmModel;

/**
 * Which businesses of a firm are active, answered from an index of the firm kept beside the realm
 * in Keycloak's own realm cache ({@link CachedRealmModel#getCachedWith()}), so that a decision
 * about a business of the subject's firm reads no database.
 *
 * <p>The index is trusted only where it names a business. A business it does not name may have
 * been created after the index was built, so the caller asks the database; the index is then built
 * again once it is older than {@link #REBUILD_AFTER_MILLIS}. A business that stops being active
 * (archived, deleted, its firm removed) must leave every node's index at once: {@link #forgetAll}
 * drops the realm's cached entry, and with it every firm's index, on every node when the change
 * commits, through Keycloak's realm invalidation. Those changes are rare beside evaluations; the
 * index of a firm is built again by the next decision about it.
 */
public final class BusinessDirectory {

    private static final String PREFIX = "firm-access/businesses/";
    /** How old an index may be before a business found active in the database but absent from it rebuilds it. */
    static final long REBUILD_AFTER_MILLIS = 10_000;

    private final RealmModel realm;
    private final EntityManager em;
    private final int maxIndexed;

    /** {@code maxIndexed}: a firm with more active businesses than this gets no index, and every lookup asks the database. */
    public BusinessDirectory(RealmModel realm, EntityManager em, int maxIndexed) {
        this.realm = realm;
        this.em = em;
        this.maxIndexed = maxIndexed;
    }

    /** Whether the index of the firm names the business as active; false also when there is no index to ask. */
    public boolean names(String firmId, String businessId) {
        Map<Object, Object> cached = cachedWith();
        if (cached == null || businessId == null) {
            return false;
        }
        // Loaded outside the map's lock: two requests may both load a missing index, and the first one stays.
        Object index = cached.get(PREFIX + firmId);
        if (index == null) {
            Object loaded = load(firmId);
            index = cached.putIfAbsent(PREFIX + firmId, loaded);
            index = index == null ? loaded : index;
        }
        return ((Index) index).contains(businessId);
    }

    /**
     * The database found the business active in the firm although the index did not name it: the
     * index predates the business's creation or restoration, and is built again if it is old enough.
     */
    public void foundActive(String firmId) {
        Map<Object, Object> cached = cachedWith();
        if (cached != null && cached.get(PREFIX + firmId) instanceof Index index
                && System.currentTimeMillis() - index.builtAt() > REBUILD_AFTER_MILLIS) {
            cached.put(PREFIX + firmId, load(firmId));
        }
    }

    /** Drops every firm's index of the realm, on every node, when the current transaction commits. */
    public static void forgetAll(KeycloakSession session, RealmModel realm) {
        CacheRealmProvider cache = session.getProvider(CacheRealmProvider.class);
        if (cache != null) {
            cache.registerRealmInvalidation(realm.getId(), realm.getName());
        }
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> cachedWith() {
        return realm instanceof CachedRealmModel cached ? cached.getCachedWith() : null;
    }

    private Index load(String firmId) {
        List<String> ids = em.createQuery("select b.id from BusinessEntity b where b.organizationId = :org"
                        + " and b.realmId = :realm and b.archived = false", String.class)
                .setParameter("org", firmId)
                .setParameter("realm", realm.getId())
                .setMaxResults(maxIndexed + 1)
                .getResultList();
        return ids.size() > maxIndexed ? Index.NONE : Index.of(ids);
    }

    /**
     * The active business ids of a firm: ids in the form of a UUID as sorted pairs of longs (16 bytes
     * each, so that 100,000 businesses take under 2 MB), any other ids as a sorted array.
     */
    record Index(long[] uuids, String[] others, long builtAt) {

        /** No index: the firm has more businesses than are indexed. It names nothing and is never rebuilt. */
        static final Index NONE = new Index(new long[0], new String[0], Long.MAX_VALUE);

        /** Signed order of the most, then the least significant half: the order {@link #contains} searches. */
        private static final Comparator<UUID> ORDER = Comparator.comparingLong(UUID::getMostSignificantBits)
                .thenComparingLong(UUID::getLeastSignificantBits);

        static Index of(List<String> ids) {
            List<UUID> uuids = new ArrayList<>(ids.size());
            List<String> others = new ArrayList<>();
            for (String id : ids) {
                UUID uuid = asUuid(id);
                if (uuid == null) {
                    others.add(id);
                } else {
                    uuids.add(uuid);
                }
            }
            uuids.sort(ORDER);
            long[] halves = new long[uuids.size() * 2];
            for (int i = 0; i < uuids.size(); i++) {
                halves[2 * i] = uuids.get(i).getMostSignificantBits();
                halves[2 * i + 1] = uuids.get(i).getLeastSignificantBits();
            }
            String[] sortedOthers = others.toArray(String[]::new);
            Arrays.sort(sortedOthers);
            return new Index(halves, sortedOthers, System.currentTimeMillis());
        }

        boolean contains(String id) {
            UUID uuid = asUuid(id);
            if (uuid == null) {
                return Arrays.binarySearch(others, id) >= 0;
            }
            int low = 0;
            int high = uuids.length / 2 - 1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                int order = compare(uuids[2 * middle], uuids[2 * middle + 1], uuid);
                if (order == 0) {
                    return true;
                }
                if (order < 0) {
                    low = middle + 1;
                } else {
                    high = middle - 1;
                }
            }
            return false;
        }

        private static int compare(long most, long least, UUID uuid) {
            int order = Long.compare(most, uuid.getMostSignificantBits());
            return order != 0 ? order : Long.compare(least, uuid.getLeastSignificantBits());
        }

        /** The id as a UUID if it is one in canonical lower-case form (so that it prints back as the same id). */
        private static UUID asUuid(String id) {
            if (id == null || id.length() != 36) {
                return null;
            }
            try {
                UUID uuid = UUID.fromString(id);
                return uuid.toString().equals(id) ? uuid : null;
            } catch (IllegalArgumentException notUuid) {
                return null;
            }
        }
    }
}
