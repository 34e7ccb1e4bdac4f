package dev.firmaccess.keycloak.programmatic;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer to a key creation: the only time the key text itself is ever shown. */
public record CreatedConnectionKey(String id, String name, String userId, long createdAt,
        @JsonInclude(JsonInclude.Include.ALWAYS) Long lastUsedAt, String key) {

    static CreatedConnectionKey of(ConnectionKeyEntity stored, String key) {
        return new CreatedConnectionKey(stored.getId(), stored.getName(), stored.getUserId(), stored.getCreatedAt(),
                stored.getLastUsedAt(), key);
    }
}
