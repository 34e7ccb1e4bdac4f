package dev.firmaccess.keycloak.programmatic;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Storage of connection keys; plain JPA. */
public final class ConnectionKeyRepository {

    private final EntityManager em;

    public ConnectionKeyRepository(EntityManager em) {
        this.em = em;
    }

    /** A key of the realm by id; a key of another realm is not found, like an unknown one. */
    public Optional<ConnectionKeyEntity> find(String realmId, String keyId) {
        return Optional.ofNullable(keyId == null ? null : em.find(ConnectionKeyEntity.class, keyId))
                .filter(key -> key.getRealmId().equals(realmId));
    }

    /** A key of one staff member of one firm: how the firm API addresses keys. */
    public Optional<ConnectionKeyEntity> find(String organizationId, String userId, String keyId) {
        return Optional.ofNullable(keyId == null ? null : em.find(ConnectionKeyEntity.class, keyId))
                .filter(key -> key.getOrganizationId().equals(organizationId) && key.getUserId().equals(userId));
    }

    public List<ConnectionKeyEntity> page(String organizationId, String userId, int first, int max) {
        return em.createQuery("select k from ConnectionKeyEntity k where k.organizationId = :org and k.userId = :user"
                        + " order by k.createdAt desc, k.id", ConnectionKeyEntity.class)
                .setParameter("org", organizationId)
                .setParameter("user", userId)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    public long count(String organizationId, String userId) {
        return em.createQuery("select count(k) from ConnectionKeyEntity k where k.organizationId = :org"
                        + " and k.userId = :user", Long.class)
                .setParameter("org", organizationId)
                .setParameter("user", userId)
                .getSingleResult();
    }

    public void add(ConnectionKeyEntity key) {
        em.persist(key);
    }

    public void remove(ConnectionKeyEntity key) {
        em.remove(key);
    }
}
