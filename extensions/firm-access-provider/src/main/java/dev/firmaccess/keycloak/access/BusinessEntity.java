package dev.firmaccess.keycloak.access;

import dev.firmaccess.keycloak.storage.DatedFirmEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A client business of a firm. It belongs to exactly one firm (organization). */
@Entity
@Table(name = "FA_BUSINESS")
public class BusinessEntity extends DatedFirmEntity {

    @Column(name = "NAME", length = 255, nullable = false)
    private String name;

    @Column(name = "EXTERNAL_REF", length = 255)
    private String externalRef;

    @Column(name = "ARCHIVED", nullable = false)
    private boolean archived;

    @Column(name = "CREATED_BY", length = 36)
    private String createdBy;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getExternalRef() {
        return externalRef;
    }

    public void setExternalRef(String externalRef) {
        this.externalRef = externalRef;
    }

    public boolean isArchived() {
        return archived;
    }

    public void setArchived(boolean archived) {
        this.archived = archived;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }
}
