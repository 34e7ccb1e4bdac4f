package dev.firmaccess.keycloak.webhook;

import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * A realm's webhook secrets: the current one and, while senders are being moved to it, the one it
 * replaced. Write-only through every surface: reads only say whether each is set. A value may be a
 * {@code ${vault.key}} reference, resolved through Keycloak's vault each time it is used.
 */
public final class WebhookSecrets {

    private static final int MAX_STORED = 600;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EntityManager em;

    public WebhookSecrets(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** The secrets a message may be signed with: none, one, or two while rotating. */
    public List<String> valid() {
        return stored().map(row -> Stream.of(row.getSecret(), row.getPreviousSecret())
                        .filter(Objects::nonNull)
                        .map(value -> session.vault().getStringSecret(value).get().orElse(null))
                        .filter(Objects::nonNull)
                        .toList())
                .orElse(List.of());
    }

    public boolean isSet() {
        return stored().map(row -> row.getSecret() != null).orElse(false);
    }

    public boolean isPreviousSet() {
        return stored().map(row -> row.getPreviousSecret() != null).orElse(false);
    }

    /**
     * Refuses a value that is neither empty nor a {@code whsec_} secret of the scheme's size nor a
     * vault reference resolving to one; {@code field} names it in the error.
     */
    public void validate(String field, String value) {
        if (value.isEmpty()) {
            return;
        }
        String resolved = value.length() > MAX_STORED ? null
                : session.vault().getStringSecret(value).get().orElse(null);
        if (WebhookSignature.key(resolved).isEmpty()) {
            throw FirmAccessException.of(ErrorCode.INVALID_SETTING,
                    "'" + field + "' must be whsec_ followed by the base64 of "
                    + WebhookSignature.MIN_KEY_BYTES + " to " + WebhookSignature.MAX_KEY_BYTES
                    + " random bytes, a ${vault.key} reference to such a secret, or empty to remove it");
        }
    }

    /**
     * Sets the current secret; the one it replaces stays valid as the previous secret, so senders
     * can move over without a refused message. Empty removes both: every message is refused then.
     */
    public void replace(String secret) {
        WebhookSecretEntity row = row();
        if (secret.isEmpty()) {
            row.setSecret(null);
            row.setPreviousSecret(null);
        } else if (!secret.equals(row.getSecret())) {
            row.setPreviousSecret(row.getSecret());
            row.setSecret(secret);
        }
        row.setUpdatedAt(System.currentTimeMillis());
    }

    /** Sets the previous secret; empty ends a rotation, so only the current secret is valid. */
    public void replacePrevious(String secret) {
        WebhookSecretEntity row = row();
        row.setPreviousSecret(secret.isEmpty() ? null : secret);
        row.setUpdatedAt(System.currentTimeMillis());
    }

    private Optional<WebhookSecretEntity> stored() {
        return Optional.ofNullable(em.find(WebhookSecretEntity.class, realm.getId()));
    }

    private WebhookSecretEntity row() {
        return stored().orElseGet(() -> {
            WebhookSecretEntity created = new WebhookSecretEntity();
            created.setRealmId(realm.getId());
            created.setUpdatedAt(System.currentTimeMillis());
            em.persist(created);
            return created;
        });
    }
}
