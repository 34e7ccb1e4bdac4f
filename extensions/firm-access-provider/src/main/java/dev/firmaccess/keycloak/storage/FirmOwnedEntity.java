package dev.firmaccess.keycloak.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.keycloak.models.utils.KeycloakModelUtils;

/** Columns every table of the extension has: a generated id and the firm (organization) the row belongs to. */
@MappedSuperclass
public abstract class FirmOwnedEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ORG_ID", length = 36, nullable = false)
    private String organizationId;

    /** Makes this a new row of the firm, with an id of its own. */
    public void placeNew(String organizationId) {
        place(KeycloakModelUtils.generateId(), organizationId);
    }

    /** Makes this the firm's row with the given id (one it shares with a Keycloak object, or a restored one). */
    public void place(String id, String organizationId) {
        this.id = id;
        this.organizationId = organizationId;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public void setOrganizationId(String organizationId) {
        this.organizationId = organizationId;
    }
}
