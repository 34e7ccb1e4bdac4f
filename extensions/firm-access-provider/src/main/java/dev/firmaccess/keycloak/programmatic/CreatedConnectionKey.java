package dev.firmaccess.keycloak.programmatic;

/** The answer to a key creation: the only time the key text itself is ever shown. */
public record CreatedConnectionKey(String id, String name, String userId, long createdAt, Long lastUsedAt, String key) {

    static CreatedConnectionKey of(ConnectionKeyEntity stored, String key) {
        return new CreatedConnectionKey(stored.getId(), stored.getName(), stored.getUserId(), stored.getCreatedAt(),
                stored.getLastUsedAt(), key);
    }
}
