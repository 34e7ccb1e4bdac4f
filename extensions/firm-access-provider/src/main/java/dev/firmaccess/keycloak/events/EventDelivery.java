package dev.firmaccess.keycloak.events;

import dev.firmaccess.keycloak.outbox.OutboxEntity;
import dev.firmaccess.keycloak.outbox.OutboxHandler;
import dev.firmaccess.keycloak.storage.Jpa;
import dev.firmaccess.keycloak.web.Limits;
import dev.firmaccess.keycloak.webhook.WebhookSignature;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Posts an access event to its subscriber, signed with the Standard Webhooks scheme (the same
 * signature the mail-event webhook checks on what it receives): with the current secret, and
 * during a rotation with the previous one too. Any 2xx answer delivers it; anything else, or no
 * answer within the timeout, is a failed attempt, retried by the outbox.
 */
public final class EventDelivery implements OutboxHandler {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            // a redirect could lead to an address the subscriber's URL was checked not to be
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Override
    public String kind() {
        return AccessEvents.KIND;
    }

    @Override
    public boolean deliver(KeycloakSession session, RealmModel realm, OutboxEntity message)
            throws IOException, InterruptedException {
        SubscriberEntity subscriber = subscriber(session, message);
        if (subscriber == null) {
            return false;
        }
        byte[] body = message.getPayload().getBytes(StandardCharsets.UTF_8);
        long timestamp = System.currentTimeMillis() / 1000;
        HttpRequest request = HttpRequest.newBuilder(SubscriberTarget.require(subscriber.getUrl(),
                        Limits.of(session).internalEventTargets()))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header(WebhookSignature.ID_HEADER, message.getRef())
                .header(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, signatures(subscriber, message.getRef(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 != 2) {
            throw new IOException("The subscriber answered HTTP " + status);
        }
        return true;
    }

    /** One signature per valid secret, space-separated, as the scheme allows during a rotation. */
    static String signatures(SubscriberEntity subscriber, String id, long timestamp, byte[] body) {
        String current = WebhookSignature.sign(subscriber.getSecret(), id, timestamp, body);
        return subscriber.getPreviousSecret() == null ? current
                : current + " " + WebhookSignature.sign(subscriber.getPreviousSecret(), id, timestamp, body);
    }

    private static SubscriberEntity subscriber(KeycloakSession session, OutboxEntity message) {
        return Jpa.entityManager(session).find(SubscriberEntity.class, message.getChannel());
    }
}
