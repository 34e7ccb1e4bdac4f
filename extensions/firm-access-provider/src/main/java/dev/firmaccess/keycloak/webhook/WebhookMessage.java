package dev.firmaccess.keycloak.webhook;

import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.web.ErrorResponses;
import dev.firmaccess.keycloak.web.Limits;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.ErrorResponseException;

/**
 * Checks a received webhook message as Standard Webhooks asks: signed with one of the realm's
 * secrets, a timestamp within the operator's tolerance ({@link Limits#webhookToleranceSeconds()}) of
 * the server's clock, and an id not seen before. The id is recorded in the request's transaction,
 * so a refused batch records nothing.
 */
public final class WebhookMessage {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final long toleranceSeconds;
    private final int maxIdLength;

    public WebhookMessage(KeycloakSession session, RealmModel realm, Limits limits) {
        this.session = session;
        this.realm = realm;
        this.toleranceSeconds = limits.webhookToleranceSeconds();
        this.maxIdLength = limits.webhookIdChars();
    }

    /** Refuses the message with 401 (signature, secret, time) or 409 (a replay); returns when it may be applied. */
    public void verify(HttpHeaders headers, byte[] body) {
        List<String> secrets = new WebhookSecrets(session, realm).valid();
        if (secrets.isEmpty()) {
            throw refused("This realm has no webhook secret; set invitationWebhookSecret in the settings");
        }
        String id = headers.getHeaderString(WebhookSignature.ID_HEADER);
        String timestamp = headers.getHeaderString(WebhookSignature.TIMESTAMP_HEADER);
        String signature = headers.getHeaderString(WebhookSignature.SIGNATURE_HEADER);
        if (id == null || id.isBlank() || id.length() > maxIdLength || timestamp == null || signature == null) {
            throw refused("The " + WebhookSignature.ID_HEADER + " (1 to " + maxIdLength + " characters), "
                    + WebhookSignature.TIMESTAMP_HEADER + " and " + WebhookSignature.SIGNATURE_HEADER
                    + " headers are required");
        }
        long sentAt = seconds(timestamp);
        long now = System.currentTimeMillis() / 1000;
        if (Math.abs(now - sentAt) > toleranceSeconds) {
            throw refused("The " + WebhookSignature.TIMESTAMP_HEADER + " is more than " + toleranceSeconds
                    + " seconds away from the server's time");
        }
        if (!WebhookSignature.matches(secrets, id, sentAt, body, signature)) {
            throw refused("The " + WebhookSignature.SIGNATURE_HEADER + " header does not match the message");
        }
        remember(id, now);
    }

    private void remember(String id, long nowSeconds) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        // A replay carries its signed timestamp, which passes for at most two tolerances after the first receipt.
        em.createQuery("delete from WebhookEventEntity e where e.receivedAt < :cutoff")
                .setParameter("cutoff", (nowSeconds - 2 * toleranceSeconds) * 1000)
                .executeUpdate();
        long seen = em.createQuery("select count(e) from WebhookEventEntity e where e.realmId = :realm"
                        + " and e.eventId = :id", Long.class)
                .setParameter("realm", realm.getId())
                .setParameter("id", id)
                .getSingleResult();
        if (seen > 0) {
            throw replayed();
        }
        WebhookEventEntity event = new WebhookEventEntity();
        event.setId(KeycloakModelUtils.generateId());
        event.setRealmId(realm.getId());
        event.setEventId(id);
        event.setReceivedAt(nowSeconds * 1000);
        try {
            em.persist(event);
            // Two nodes receiving the same id at once: the unique key lets only one of them through.
            em.flush();
        } catch (PersistenceException sameIdAtOnce) {
            throw replayed();
        }
    }

    private static long seconds(String timestamp) {
        try {
            return Long.parseLong(timestamp.trim());
        } catch (NumberFormatException notANumber) {
            throw refused("The " + WebhookSignature.TIMESTAMP_HEADER + " header must be a Unix time in seconds");
        }
    }

    private static RuntimeException refused(String description) {
        return new ErrorResponseException(ErrorResponses.response(ErrorCode.INVALID_SIGNATURE, "invalid_signature", description).build());
    }

    private static RuntimeException replayed() {
        return new ErrorResponseException(ErrorResponses.response(ErrorCode.REPLAYED_MESSAGE, "replayed_message",
                "A message with this " + WebhookSignature.ID_HEADER + " was received already").build());
    }
}
