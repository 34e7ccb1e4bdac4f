package dev.firmaccess.keycloak.portal;

import dev.firmaccess.keycloak.mail.MailedInvitation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * One person's access to one business workspace of a firm as a portal user (a customer of the
 * firm, never staff): pending until the activation link is used, then active for the realm user.
 */
@Entity
@Table(name = "FA_PORTAL_MEMBERSHIP")
public class PortalMembershipEntity extends MailedInvitation {

    @Column(name = "BUSINESS_ID", length = 36, nullable = false)
    private String businessId;

    /** The realm user; null until activation. */
    @Column(name = "USER_ID", length = 36)
    private String userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "PORTAL_ROLE", length = 16, nullable = false)
    private PortalRole role;

    @Column(name = "ACCESS_LEVEL", length = 64, nullable = false)
    private String accessLevel;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private PortalStatus status;

    /** The inviter's personal message for the activation mail. */
    @Column(name = "MESSAGE", length = 1000)
    private String message;

    /** When the activation was first sent or its link copied; null while pre-provisioned. */
    @Column(name = "INVITED_AT")
    private Long invitedAt;

    /** Expiry of the current link; null while no link was issued. */
    @Column(name = "EXPIRES_AT")
    private Long expiresAt;

    @Column(name = "ACTIVATED_AT")
    private Long activatedAt;

    @Column(name = "LAST_LOGIN_AT")
    private Long lastLoginAt;

    public String getBusinessId() {
        return businessId;
    }

    public void setBusinessId(String businessId) {
        this.businessId = businessId;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public PortalRole getRole() {
        return role;
    }

    public void setRole(PortalRole role) {
        this.role = role;
    }

    public String getAccessLevel() {
        return accessLevel;
    }

    public void setAccessLevel(String accessLevel) {
        this.accessLevel = accessLevel;
    }

    @Override
    public boolean awaitsMail() {
        return status == PortalStatus.PENDING;
    }

    public PortalStatus getStatus() {
        return status;
    }

    public void setStatus(PortalStatus status) {
        this.status = status;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public Long getInvitedAt() {
        return invitedAt;
    }

    public void setInvitedAt(Long invitedAt) {
        this.invitedAt = invitedAt;
    }

    public Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }

    public Long getActivatedAt() {
        return activatedAt;
    }

    public void setActivatedAt(Long activatedAt) {
        this.activatedAt = activatedAt;
    }

    public Long getLastLoginAt() {
        return lastLoginAt;
    }

    public void setLastLoginAt(Long lastLoginAt) {
        this.lastLoginAt = lastLoginAt;
    }
}
