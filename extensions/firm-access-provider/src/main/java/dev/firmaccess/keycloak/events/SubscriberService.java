package dev.firmaccess.keycloak.events;

import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmPermission;
import dev.firmaccess.keycloak.outbox.Outbox;
import dev.firmaccess.keycloak.storage.Jpa;
import dev.firmaccess.keycloak.webhook.WebhookSignature;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The apps that hear about a firm's access changes: registered, listed, rotated and removed by
 * the firm's owners and by realm administrators, each seeing the subscribers of that firm only.
 */
public final class SubscriberService {

    private static final String TARGET = "event_subscriber";

    private final FirmContext context;
    private final SubscriberRepository subscribers;

    public SubscriberService(FirmContext context) {
        this.context = context;
        this.subscribers = new SubscriberRepository(Jpa.entityManager(context.session()));
    }

    public List<SubscriberView> page(int first, int max) {
        context.actor().require(FirmPermission.MANAGE_OWNERS);
        return subscribers.page(context.firm().getId(), null, 0, first, max).stream().map(s -> view(s, null)).toList();
    }

    public long count() {
        context.actor().require(FirmPermission.MANAGE_OWNERS);
        return subscribers.count(context.firm().getId(), null, 0);
    }

    public SubscriberView get(String id) {
        context.actor().require(FirmPermission.MANAGE_OWNERS);
        return view(require(id), null);
    }

    /** Checks everything before storing anything; answers the secret this once when the server made it. */
    public SubscriberView register(SubscriberInput input) {
        context.actor().require(FirmPermission.MANAGE_OWNERS);
        String url = SubscriberTarget.require(input.url(), context.limits().internalEventTargets()).toString();
        String types = String.join(" ", eventTypes(input.eventTypes()));
        String secret = secret(input.secret());
        if (subscribers.count(context.firm().getId(), null, 0) >= context.limits().eventSubscribers()) {
            throw FirmAccessException.of(ErrorCode.SUBSCRIBER_LIMIT, "A firm has at most " + context.limits().eventSubscribers()
                    + " event subscribers; remove one first");
        }
        SubscriberEntity subscriber = new SubscriberEntity();
        subscriber.placeNew(context.realm().getId(), context.firm().getId());
        subscriber.setUrl(url);
        subscriber.setEventTypes(types);
        subscriber.replaceSecret(secret);
        subscriber.setCreatedBy(context.actor().userId());
        subscriber.setCreatedAt(System.currentTimeMillis());
        subscribers.persist(subscriber);
        context.audit().record("event_subscriber.created", TARGET, subscriber.getId(), null, state(subscriber));
        return view(subscriber, input.secret() == null ? secret : null);
    }

    /** A new secret; the current one stays valid, as the previous, until the rotation ends. */
    public SubscriberView rotateSecret(String id, String newSecret) {
        context.actor().require(FirmPermission.MANAGE_OWNERS);
        SubscriberEntity subscriber = require(id);
        String secret = secret(newSecret);
        Map<String, Object> before = state(subscriber);
        subscriber.replaceSecret(secret);
        context.audit().record("event_subscriber.secret_rotated", TARGET, id, before, state(subscriber));
        return view(subscriber, newSecret == null ? secret : null);
    }

    /** Ends a rotation: messages are signed with the current secret only. */
    public SubscriberView endRotation(String id) {
        context.actor().require(FirmPermission.MANAGE_OWNERS);
        SubscriberEntity subscriber = require(id);
        Map<String, Object> before = state(subscriber);
        subscriber.endRotation();
        context.audit().record("event_subscriber.rotation_ended", TARGET, id, before, state(subscriber));
        return view(subscriber, null);
    }

    /** Removes the subscriber and what it had still to receive. */
    public void remove(String id) {
        context.actor().require(FirmPermission.MANAGE_OWNERS);
        SubscriberEntity subscriber = require(id);
        Map<String, Object> before = state(subscriber);
        subscribers.delete(subscriber);
        context.audit().record("event_subscriber.removed", TARGET, id, before, null);
    }

    /** Sends an event the subscriber was sent before once more, after the events waiting for it. */
    public Replay replay(String id, String eventId) {
        context.actor().require(FirmPermission.MANAGE_OWNERS);
        SubscriberEntity subscriber = require(id);
        String body = eventId == null ? null : subscribers.eventBody(id, eventId);
        if (body == null) {
            throw FirmAccessException.notFound("Event not found for this subscriber: it was never sent to it, or"
                    + " it is older than the outbox keeps events");
        }
        new Outbox(context.session()).add(context.realm().getId(), context.firm().getId(), AccessEvents.KIND,
                subscriber.getId(), eventId, body);
        context.audit().record("event_subscriber.replayed", TARGET, id, null, Map.of("eventId", eventId));
        return new Replay(eventId, subscribers.pending(id));
    }

    private SubscriberEntity require(String id) {
        return subscribers.find(context.firm().getId(), id)
                .orElseThrow(() -> FirmAccessException.notFound("Event subscriber not found"));
    }

    private static List<String> eventTypes(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw FirmAccessException.badInput("'eventTypes' must list at least one of " + AccessEventType.wireNames());
        }
        Set<String> types = new LinkedHashSet<>();
        for (String type : requested) {
            types.add(AccessEventType.parse(type).orElseThrow(() -> FirmAccessException.badInput(
                    "'eventTypes' has an unknown event type '" + type + "'; known: " + AccessEventType.wireNames()))
                    .wireName());
        }
        return new ArrayList<>(types);
    }

    /** The caller's {@code whsec_} secret, checked, or a new one of 32 random bytes. */
    private static String secret(String given) {
        if (given == null) {
            return WebhookSignature.newSecret();
        }
        if (WebhookSignature.key(given).isEmpty()) {
            throw FirmAccessException.badInput("'secret' must be a Standard Webhooks secret: whsec_ and the base64 of"
                    + " 24 to 64 random bytes");
        }
        return given;
    }

    private static Map<String, Object> state(SubscriberEntity subscriber) {
        return Map.of("url", subscriber.getUrl(), "eventTypes", List.of(subscriber.getEventTypes().split(" ")),
                "previousSecretSet", subscriber.getPreviousSecret() != null);
    }

    private SubscriberView view(SubscriberEntity s, String secret) {
        SubscriberRepository.Deliveries deliveries = subscribers.deliveries(s.getId());
        return new SubscriberView(s.getId(), s.getUrl(), List.of(s.getEventTypes().split(" ")), secret,
                s.getPreviousSecret() != null, s.getCreatedBy(), s.getCreatedAt(), deliveries.lastDeliveryAt(),
                deliveries.lastError(), deliveries.failures(), deliveries.pending());
    }

    /** What a registration or change asks for. */
    public record SubscriberInput(String url, List<String> eventTypes, String secret) {
    }

    /** A replay was queued: the event id, and how many events now wait for the subscriber. */
    public record Replay(String eventId, long pending) {
    }
}
