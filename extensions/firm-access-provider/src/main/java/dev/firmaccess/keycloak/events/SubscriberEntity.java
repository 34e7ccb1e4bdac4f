package dev.firmaccess.keycloak.events;

import dev.firmaccess.keycloak.storage.DatedFirmEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * An app that hears about the access changes of one firm: where, how signed, which events. How its
 * deliveries go is read from its messages in the outbox, which only the outbox worker writes.
 */
@Entity
@Table(name = "FA_EVENT_SUBSCRIBER")
public class SubscriberEntity extends DatedFirmEntity {

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

    public String getPreviousSecret() {
        return previousSecret;
    }

    /** Signs with {@code next} from now on, and with the secret it replaces (if any) until {@link #endRotation()}. */
    public void replaceSecret(String next) {
        this.previousSecret = secret;
        this.secret = next;
    }

    public void endRotation() {
        this.previousSecret = null;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }
}
