package dev.firmaccess.keycloak.storage;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * A firm's row that also names its realm, so that a realm's removal finds its rows without going
 * through the organizations Keycloak has already removed.
 */
@MappedSuperclass
public abstract class RealmFirmEntity extends FirmOwnedEntity {

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    /** Makes this a new row of the firm in the realm, with an id of its own. */
    public void placeNew(String realmId, String organizationId) {
        placeNew(organizationId);
        this.realmId = realmId;
    }

    /** Makes this the firm's row in the realm with the given id (one it shares with a Keycloak object, or a restored one). */
    public void place(String id, String realmId, String organizationId) {
        place(id, organizationId);
        this.realmId = realmId;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }
}
