package dev.firmaccess.keycloak.events;

import dev.firmaccess.keycloak.storage.FirmOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * An app that hears about the access changes of one firm: where, how signed, which events. How its
 * deliveries go is read from its messages in the outbox, which only the outbox worker writes.
 */
@Entity
@Table(name = "FA_EVENT_SUBSCRIBER")
public class SubscriberEntity extends FirmOwnedEntity {

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "URL", length = 2048, nullable = false)
    private String url;

    /** The event types, space-separated. */
    @Column(name = "EVENT_TYPES", length = 1000, nullable = false)
    private String eventTypes;

    /** A Standard Webhooks {@code whsec_} secret: every message is signed with it. */
    @Column(name = "SECRET", length = 255, nullable = false)
    private String secret;

    /** The secret it replaced, still signed with until the rotation ends; null for none. */
    @Column(name = "PREVIOUS_SECRET", length = 255)
    private String previousSecret;

    @Column(name = "CREATED_BY", length = 36)
    private String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getEventTypes() {
        return eventTypes;
    }

    public void setEventTypes(String eventTypes) {
        this.eventTypes = eventTypes;
    }

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public String getPreviousSecret() {
        return previousSecret;
    }

    public void setPreviousSecret(String previousSecret) {
        this.previousSecret = previousSecret;
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
