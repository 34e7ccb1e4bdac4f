package dev.firmaccess.keycloak.invitation;

import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.mail.MailedInvitation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * What a native organization invitation lacks: the staff role, the initial grants and teams, the
 * state after acceptance (Keycloak deletes its own row then), the delivery status and the resend
 * cooldown. The id is the native invitation's id.
 */
@Entity
@Table(name = "FA_INVITATION")
public class InvitationEntity extends MailedInvitation {

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

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    @Column(name = "ACCEPTED_BY", length = 36)
    private String acceptedBy;

    @Column(name = "ACCEPTED_AT")
    private Long acceptedAt;

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

    @Override
    public boolean awaitsMail() {
        return state == InvitationState.PENDING;
    }

    public InvitationState getState() {
        return state;
    }

    public void setState(InvitationState state) {
        this.state = state;
    }

    public long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(long expiresAt) {
        this.expiresAt = expiresAt;
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
