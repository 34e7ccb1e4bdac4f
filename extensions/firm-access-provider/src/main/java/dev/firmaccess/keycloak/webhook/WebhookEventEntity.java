package dev.firmaccess.keycloak.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The id of a webhook message already received, kept in the database so that every node of a
 * cluster refuses its replay; pruned once its timestamp could no longer be accepted anyway.
 */
@Entity
@Table(name = "FA_WEBHOOK_EVENT")
public class WebhookEventEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "EVENT_ID", length = WebhookMessage.MAX_ID_LENGTH, nullable = false)
    private String eventId;

    @Column(name = "RECEIVED_AT", nullable = false)
    private long receivedAt;

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

    public String getEventId() {
        return eventId;
    }

    public void setEventId(String eventId) {
        this.eventId = eventId;
    }

    public long getReceivedAt() {
        return receivedAt;
    }

    public void setReceivedAt(long receivedAt) {
        this.receivedAt = receivedAt;
    }
}
