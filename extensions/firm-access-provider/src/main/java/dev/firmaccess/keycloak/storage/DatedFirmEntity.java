package dev.firmaccess.keycloak.storage;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** A firm's row in a realm that keeps when it was created (epoch milliseconds); lists show newest first by it. */
@MappedSuperclass
public abstract class DatedFirmEntity extends RealmFirmEntity {

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    /** Makes this a new row of the firm in the realm, created at {@code createdAt}, with a fresh id. */
    public void placeNew(String realmId, String organizationId, long createdAt) {
        placeNew(realmId, organizationId);
        this.createdAt = createdAt;
    }
}
