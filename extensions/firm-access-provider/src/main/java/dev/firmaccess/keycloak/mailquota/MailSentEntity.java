package dev.firmaccess.keycloak.mailquota;

import dev.firmaccess.keycloak.storage.RealmFirmEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * Invitation emails one person sent for one firm in one request. Rows live for the rate-limit
 * window and are counted by every node, so the limits hold across a cluster.
 */
@Entity
@Table(name = "FA_MAIL_SENT")
public class MailSentEntity extends RealmFirmEntity {

    @Column(name = "ACTOR_ID", length = 36, nullable = false)
    private String actorId;

    @Column(name = "SENT_AT", nullable = false)
    private long sentAt;

    @Column(name = "MAILS", nullable = false)
    private int mails;

    public String getActorId() {
        return actorId;
    }

    public void setActorId(String actorId) {
        this.actorId = actorId;
    }

    public long getSentAt() {
        return sentAt;
    }

    public void setSentAt(long sentAt) {
        this.sentAt = sentAt;
    }

    public int getMails() {
        return mails;
    }

    public void setMails(int mails) {
        this.mails = mails;
    }
}
