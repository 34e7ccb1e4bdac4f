package dev.firmaccess.keycloak.portal;

import dev.firmaccess.keycloak.invitation.DeliveryStatus;
import dev.firmaccess.keycloak.invitation.DeliveryTracked;
import dev.firmaccess.keycloak.storage.FirmOwnedEntity;
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
public class PortalMembershipEntity extends FirmOwnedEntity implements DeliveryTracked {

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "BUSINESS_ID", length = 36, nullable = false)
    private String businessId;

    /** Lower-cased; one row per address and business. */
    @Column(name = "EMAIL", nullable = false)
    private String email;

    @Column(name = "FIRST_NAME")
    private String firstName;

    @Column(name = "LAST_NAME")
    private String lastName;

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

    @Column(name = "INVITED_BY", length = 36)
    private String invitedBy;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    /** When the activation was first sent or its link copied; null while pre-provisioned. */
    @Column(name = "INVITED_AT")
    private Long invitedAt;

    /** Expiry of the current link; null while no link was issued. */
    @Column(name = "EXPIRES_AT")
    private Long expiresAt;

    /**
     * The one link that currently works; memberships of one address sent together share it, so one
     * mail activates them all.
     */
    @Column(name = "LINK_ID", length = 36)
    private String linkId;

    @Enumerated(EnumType.STRING)
    @Column(name = "DELIVERY", length = 16, nullable = false)
    private DeliveryStatus delivery;

    @Column(name = "LAST_SENT_AT")
    private Long lastSentAt;

    @Column(name = "COOLDOWN_LIFTED", nullable = false)
    private boolean cooldownLifted;

    @Column(name = "ACTIVATED_AT")
    private Long activatedAt;

    @Column(name = "LAST_LOGIN_AT")
    private Long lastLoginAt;

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getBusinessId() {
        return businessId;
    }

    public void setBusinessId(String businessId) {
        this.businessId = businessId;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
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

    public String getInvitedBy() {
        return invitedBy;
    }

    public void setInvitedBy(String invitedBy) {
        this.invitedBy = invitedBy;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
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

    public String getLinkId() {
        return linkId;
    }

    public void setLinkId(String linkId) {
        this.linkId = linkId;
    }

    public DeliveryStatus getDelivery() {
        return delivery;
    }

    public void setDelivery(DeliveryStatus delivery) {
        this.delivery = delivery;
    }

    public Long getLastSentAt() {
        return lastSentAt;
    }

    public void setLastSentAt(Long lastSentAt) {
        this.lastSentAt = lastSentAt;
    }

    public boolean isCooldownLifted() {
        return cooldownLifted;
    }

    public void setCooldownLifted(boolean cooldownLifted) {
        this.cooldownLifted = cooldownLifted;
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
