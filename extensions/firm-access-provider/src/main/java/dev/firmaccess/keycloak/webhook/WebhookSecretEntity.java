package dev.firmaccess.keycloak.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A realm's webhook secrets, kept out of the realm's attributes so that no realm read (view-realm,
 * the admin console, realm exports) shows them. Either may be a {@code ${vault.key}} reference.
 */
@Entity
@Table(name = "FA_WEBHOOK_SECRET")
public class WebhookSecretEntity {

    @Id
    @Column(name = "REALM_ID", length = 36)
    private String realmId;

    @Column(name = "SECRET", length = 600)
    private String secret;

    /** The secret the current one replaced; valid as well until the rotation is ended. */
    @Column(name = "PREVIOUS_SECRET", length = 600)
    private String previousSecret;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
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

    public long getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(long updatedAt) {
        this.updatedAt = updatedAt;
    }
}
