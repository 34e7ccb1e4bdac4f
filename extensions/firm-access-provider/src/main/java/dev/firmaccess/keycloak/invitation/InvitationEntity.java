package dev.firmaccess.keycloak.invitation;

import dev.firmaccess.keycloak.staff.StaffRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What a native organization invitation lacks: the staff role, the initial grants and teams, the
 * state after acceptance (Keycloak deletes its own row then), the delivery status and the resend
 * cooldown. The id is the native invitation's id.
 */
@Entity
@Table(name = "FA_INVITATION")
public class InvitationEntity implements DeliveryTracked {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "ORG_ID", length = 36, nullable = false)
    private String organizationId;

    @Column(name = "EMAIL", nullable = false)
    private String email;

    @Column(name = "FIRST_NAME")
    private String firstName;

    @Column(name = "LAST_NAME")
    private String lastName;

    @Enumerated(EnumType.STRING)
    @Column(name = "ROLE", length = 16, nullable = false)
    private StaffRole role;

    /** The initial direct grants, as JSON. */
    @Column(name = "GRANTS")
    private String grants;

    /** The initial teams, as a JSON array of ids. */
    @Column(name = "TEAM_IDS")
    private String teamIds;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATE", length = 16, nullable = false)
    private InvitationState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "DELIVERY", length = 16, nullable = false)
    private DeliveryStatus delivery;

    /** The id of the one link that currently works; a resend replaces it, so older links stop working. */
    @Column(name = "LINK_ID", length = 36, nullable = false)
    private String linkId;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    @Column(name = "LAST_SENT_AT")
    private Long lastSentAt;

    @Column(name = "COOLDOWN_LIFTED", nullable = false)
    private boolean cooldownLifted;

    @Column(name = "INVITED_BY", length = 36)
    private String invitedBy;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "ACCEPTED_BY", length = 36)
    private String acceptedBy;

    @Column(name = "ACCEPTED_AT")
    private Long acceptedAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public void setOrganizationId(String organizationId) {
        this.organizationId = organizationId;
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

    public StaffRole getRole() {
        return role;
    }

    public void setRole(StaffRole role) {
        this.role = role;
    }

    public String getGrants() {
        return grants;
    }

    public void setGrants(String grants) {
        this.grants = grants;
    }

    public String getTeamIds() {
        return teamIds;
    }

    public void setTeamIds(String teamIds) {
        this.teamIds = teamIds;
    }

    public InvitationState getState() {
        return state;
    }

    public void setState(InvitationState state) {
        this.state = state;
    }

    public DeliveryStatus getDelivery() {
        return delivery;
    }

    public void setDelivery(DeliveryStatus delivery) {
        this.delivery = delivery;
    }

    public String getLinkId() {
        return linkId;
    }

    public void setLinkId(String linkId) {
        this.linkId = linkId;
    }

    public long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(long expiresAt) {
        this.expiresAt = expiresAt;
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

    public String getAcceptedBy() {
        return acceptedBy;
    }

    public void setAcceptedBy(String acceptedBy) {
        this.acceptedBy = acceptedBy;
    }

    public Long getAcceptedAt() {
        return acceptedAt;
    }

    public void setAcceptedAt(Long acceptedAt) {
        this.acceptedAt = acceptedAt;
    }
}
