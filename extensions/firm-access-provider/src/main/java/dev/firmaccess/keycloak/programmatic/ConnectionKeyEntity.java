package dev.firmaccess.keycloak.programmatic;

import dev.firmaccess.keycloak.storage.DatedFirmEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A staff member's connection key for one firm; only the hash of the key text is kept. */
@Entity
@Table(name = "FA_CONNECTION_KEY")
public class ConnectionKeyEntity extends DatedFirmEntity {

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "NAME", length = 255, nullable = false)
    private String name;

    @Column(name = "SECRET_HASH", length = 64, nullable = false)
    private String secretHash;

    @Column(name = "LAST_USED_AT")
    private Long lastUsedAt;

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSecretHash() {
        return secretHash;
    }

    public void setSecretHash(String secretHash) {
        this.secretHash = secretHash;
    }

    public Long getLastUsedAt() {
        return lastUsedAt;
    }

    public void setLastUsedAt(Long lastUsedAt) {
        this.lastUsedAt = lastUsedAt;
    }
}
