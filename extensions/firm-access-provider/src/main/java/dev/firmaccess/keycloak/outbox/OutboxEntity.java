package dev.firmaccess.keycloak.outbox;

import dev.firmaccess.keycloak.storage.DatedFirmEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * One delivery a change promised, written in the change's own transaction: it exists exactly when
 * the change committed, and any node delivers it from here, after a crash or restart too.
 */
@Entity
@Table(name = "FA_OUTBOX")
public class OutboxEntity extends DatedFirmEntity {

    /** Which {@link OutboxHandler} delivers it, e.g. {@code mail}. */
    @Column(name = "KIND", length = 64, nullable = false)
    private String kind;

    /**
     * Messages of one channel (e.g. one subscriber's events) go out one at a time, in the order
     * they were written: a later one waits while an earlier one is pending. Null for none.
     */
    @Column(name = "CHANNEL", length = 36)
    private String channel;

    /** What the message is known by outside, e.g. an event's id, to find it again; null for none. */
    @Column(name = "REF", length = 64)
    private String ref;

    /** What the handler needs, as JSON. */
    @Column(name = "PAYLOAD", nullable = false)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private OutboxStatus status;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    @Column(name = "NEXT_ATTEMPT_AT", nullable = false)
    private long nextAttemptAt;

    /** Until when the node that claimed the message owns it; null while nobody does. */
    @Column(name = "LEASE_UNTIL")
    private Long leaseUntil;

    @Column(name = "LAST_ERROR", length = 1000)
    private String lastError;

    @Column(name = "SENT_AT")
    private Long sentAt;

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getRef() {
        return ref;
    }

    public void setRef(String ref) {
        this.ref = ref;
    }

    public String getPayload() {
        return payload;
    }

    public void setPayload(String payload) {
        this.payload = payload;
    }

    public OutboxStatus getStatus() {
        return status;
    }

    public void setStatus(OutboxStatus status) {
        this.status = status;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    public long getNextAttemptAt() {
        return nextAttemptAt;
    }

    public void setNextAttemptAt(long nextAttemptAt) {
        this.nextAttemptAt = nextAttemptAt;
    }

    public Long getLeaseUntil() {
        return leaseUntil;
    }

    public void setLeaseUntil(Long leaseUntil) {
        this.leaseUntil = leaseUntil;
    }

    public String getLastError() {
        return lastError;
    }

    public void setLastError(String lastError) {
        this.lastError = lastError;
    }

    public Long getSentAt() {
        return sentAt;
    }

    public void setSentAt(Long sentAt) {
        this.sentAt = sentAt;
    }
}
