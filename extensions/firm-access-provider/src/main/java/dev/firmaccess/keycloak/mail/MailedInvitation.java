package dev.firmaccess.keycloak.mail;

import dev.firmaccess.keycloak.storage.DatedFirmEntity;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;

/**
 * The columns of an invitation that goes out by email with a signed link: staff invitations and
 * portal memberships share them, and the mail-event webhook and resend cooldown work on them.
 */
@MappedSuperclass
public abstract class MailedInvitation extends DatedFirmEntity {

    /** Lower-cased. */
    @Column(name = "EMAIL", nullable = false)
    private String email;

    @Column(name = "FIRST_NAME")
    private String firstName;

    @Column(name = "LAST_NAME")
    private String lastName;

    @Enumerated(EnumType.STRING)
    @Column(name = "DELIVERY", length = 16, nullable = false)
    private DeliveryStatus delivery;

    /** The id of the one link that currently works; a new send replaces it, so older links stop working. */
    @Column(name = "LINK_ID", length = 36)
    private String linkId;

    @Column(name = "LAST_SENT_AT")
    private Long lastSentAt;

    @Column(name = "COOLDOWN_LIFTED", nullable = false)
    private boolean cooldownLifted;

    @Column(name = "INVITED_BY", length = 36)
    private String invitedBy;

    /** Whether the invitation still waits for its person, so that a queued mail about it should go out. */
    public abstract boolean awaitsMail();

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
}
