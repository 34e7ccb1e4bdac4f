package dev.firmaccess.keycloak.programmatic;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A connection key as listed: never its secret. Times are epoch milliseconds; lastUsedAt is
 * written as null until the first exchange, so clients always find the field.
 */
public record ConnectionKeyView(String id, String name, String userId, long createdAt,
        @JsonInclude(JsonInclude.Include.ALWAYS) Long lastUsedAt) {

    static ConnectionKeyView of(ConnectionKeyEntity key) {
        return new ConnectionKeyView(key.getId(), key.getName(), key.getUserId(), key.getCreatedAt(),
                key.getLastUsedAt());
    }
}
