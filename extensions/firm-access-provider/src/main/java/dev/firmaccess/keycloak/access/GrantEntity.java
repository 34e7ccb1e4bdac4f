package dev.firmaccess.keycloak.access;

import dev.firmaccess.keycloak.storage.FirmOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** Access of one user or one team to one business, at an access level such as {@code full}. */
@Entity
@Table(name = "FA_GRANT")
public class GrantEntity extends FirmOwnedEntity {

    @Column(name = "BUSINESS_ID", length = 36, nullable = false)
    private String businessId;

    @Enumerated(EnumType.STRING)
    @Column(name = "SUBJECT_TYPE", length = 8, nullable = false)
    private GrantSubjectType subjectType;

    @Column(name = "SUBJECT_ID", length = 36, nullable = false)
    private String subjectId;

    @Column(name = "ACCESS_LEVEL", length = 64, nullable = false)
    private String accessLevel;

    @Column(name = "CREATED_BY", length = 36)
    private String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    public String getBusinessId() {
        return businessId;
    }

    public void setBusinessId(String businessId) {
        this.businessId = businessId;
    }

    public GrantSubjectType getSubjectType() {
        return subjectType;
    }

    public void setSubjectType(GrantSubjectType subjectType) {
        this.subjectType = subjectType;
    }

    public String getSubjectId() {
        return subjectId;
    }

    public void setSubjectId(String subjectId) {
        this.subjectId = subjectId;
    }

    public String getAccessLevel() {
        return accessLevel;
    }

    public void setAccessLevel(String accessLevel) {
        this.accessLevel = accessLevel;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }
}
