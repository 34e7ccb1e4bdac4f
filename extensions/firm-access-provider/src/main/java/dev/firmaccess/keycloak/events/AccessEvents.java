package dev.firmaccess.keycloak.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firmaccess.keycloak.audit.AuditRecord;
import dev.firmaccess.keycloak.audit.FirmChangeAudited;
import dev.firmaccess.keycloak.outbox.Outbox;
import dev.firmaccess.keycloak.storage.Jpa;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.OrganizationModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.provider.ProviderEvent;

/**
 * Turns each audited change of access into an event for the firm's subscribers to it: one outbox
 * message per subscriber, in the change's own transaction, so the event exists exactly when the
 * change committed. Every service that changes access audits it, so none of them is left out.
 */
public final class AccessEvents {

    static final String KIND = "access-event";

    /**
     * Writes every field of the body, those that are null too: the documented body always has all of
     * them, while Keycloak's own mapper leaves null ones out.
     */
    private static final ObjectMapper BODY = new ObjectMapper();

    private AccessEvents() {
    }

    /** Registered with the session factory: hears every audited firm change. */
    public static void onEvent(ProviderEvent event) {
        if (event instanceof FirmChangeAudited audited) {
            AccessEventType.ofAuditAction(audited.record().action()).ifPresent(type -> emit(audited, type));
        }
    }

    private static void emit(FirmChangeAudited audited, AccessEventType type) {
        List<SubscriberEntity> subscribers = new SubscriberRepository(Jpa.entityManager(audited.session()))
                .listeningTo(audited.organizationId(), type);
        if (subscribers.isEmpty()) {
            return;
        }
        String id = eventId(audited.record());
        String body = body(audited, type, id);
        Outbox outbox = new Outbox(audited.session());
        for (SubscriberEntity subscriber : subscribers) {
            outbox.add(audited.realmId(), audited.organizationId(), KIND, subscriber.getId(), id, body);
        }
    }

    /** The event is the audited change: its id is the audit entry's, so the two can be matched. */
    static String eventId(AuditRecord record) {
        return "evt_" + record.id();
    }

    private static String body(FirmChangeAudited audited, AccessEventType type, String id) {
        AuditRecord record = audited.record();
        OrganizationModel firm = audited.session().getProvider(OrganizationProvider.class)
                .getById(audited.organizationId());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("firm", Map.of("id", audited.organizationId(), "alias", firm == null ? "" : firm.getAlias()));
        data.put("action", record.action());
        data.put("actorId", record.actorId());
        data.put("targetType", record.targetType());
        data.put("targetId", record.targetId());
        data.put("before", record.before());
        data.put("after", record.after());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("type", type.wireName());
        event.put("timestamp", Instant.ofEpochMilli(record.time()).toString());
        event.put("data", data);
        try {
            return BODY.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
