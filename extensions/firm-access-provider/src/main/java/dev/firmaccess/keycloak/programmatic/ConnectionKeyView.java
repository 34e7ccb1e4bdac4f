package dev.firmaccess.keycloak.programmatic;

/** A connection key as listed: never its secret. Times are epoch milliseconds; lastUsedAt is null until the first exchange. */
public record ConnectionKeyView(String id, String name, String userId, long createdAt, Long lastUsedAt) {

    static ConnectionKeyView of(ConnectionKeyEntity key) {
        return new ConnectionKeyView(key.getId(), key.getName(), key.getUserId(), key.getCreatedAt(),
                key.getLastUsedAt());
    }
}
