package dev.firmaccess.keycloak.firm;

import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.storage.DatedFirmEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * The firm-specific part of a native organization membership. A member without a row is a
 * plain {@link StaffRole#MEMBER} with programmatic access on, so members added through
 * Keycloak's own Organizations tab are valid staff.
 */
@Entity
@Table(name = "FA_STAFF")
public class StaffEntity extends DatedFirmEntity {

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "ROLE", length = 16, nullable = false)
    private StaffRole role;

    @Column(name = "PROGRAMMATIC_ACCESS", nullable = false)
    private boolean programmaticAccess;

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public StaffRole getRole() {
        return role;
    }

    public void setRole(StaffRole role) {
        this.role = role;
    }

    public boolean isProgrammaticAccess() {
        return programmaticAccess;
    }

    public void setProgrammaticAccess(boolean programmaticAccess) {
        this.programmaticAccess = programmaticAccess;
    }
}
