package dev.firmaccess.keycloak.mail;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.firmaccess.keycloak.audit.AuditLog;
import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.metrics.FirmAccessMetrics;
import dev.firmaccess.keycloak.storage.Jpa;
import dev.firmaccess.keycloak.web.JsonBodies;
import dev.firmaccess.keycloak.web.Limits;
import dev.firmaccess.keycloak.webhook.WebhookMessage;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.storage.adapter.InMemoryUserAdapter;

/**
 * {@code POST /realms/{realm}/firm-access/mail-events}: delivery events from the mail provider or
 * relay, signed with the realm's webhook secret in the Standard Webhooks scheme; a message is
 * applied once, and only while its timestamp is recent. Documented in docs/invitations.md.
 */
public class MailEventResource {

    /** The actor recorded in the audit log for provider events: no person acted. */
    public static final String ACTOR = "mail-events";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Limits limits;
    private final List<MailedInvitationRepository<?, ?>> kinds;

    /**
     * {@code kinds}: every kind of mailed invitation, in the order an event naming an address
     * prefers them on a tie.
     */
    public MailEventResource(KeycloakSession session, Limits limits, List<MailedInvitationRepository<?, ?>> kinds) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.limits = limits;
        this.kinds = kinds;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        new WebhookMessage(session, realm, limits).verify(session.getContext().getRequestHeaders(), raw);
        MailEvents events = JsonBodies.read(new String(raw, StandardCharsets.UTF_8), MailEvents.class, limits);
        List<Resolved> resolved = resolve(events);
        EntityManager em = Jpa.entityManager(session);
        int applied = 0;
        for (Resolved event : resolved) {
            Optional<Found> found = target(event);
            boolean changed = found.isPresent() && apply(em, found.get(), event.status());
            if (changed) {
                applied++;
            }
            FirmAccessMetrics.webhookEvent(event.status().wireName(), changed);
        }
        return Response.ok(Map.of("received", resolved.size(), "applied", applied), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    /** Validates the whole batch first: one malformed event and none is applied. */
    private List<Resolved> resolve(MailEvents events) {
        if (events.events() == null || events.events().isEmpty()) {
            throw FirmAccessException.badInput("'events' must list at least one event");
        }
        if (events.events().size() > limits.mailEvents()) {
            throw FirmAccessException.of(ErrorCode.BULK_LIMIT, "At most " + limits.mailEvents() + " events per call");
        }
        List<Resolved> resolved = new ArrayList<>();
        for (MailEvent event : events.events()) {
            if (event == null) {
                throw FirmAccessException.badInput("'events' must not contain null");
            }
            DeliveryStatus status = DeliveryStatus.parse(event.event()).filter(DeliveryStatus::isProviderEvent)
                    .orElseThrow(() -> FirmAccessException.badInput(
                            "'event' must be one of delivered, opened, bounced, spam_reported"));
            if ((event.invitationId() == null) == (event.email() == null)) {
                throw FirmAccessException.badInput("Each event names either 'invitationId' or 'email'");
            }
            resolved.add(new Resolved(event.invitationId(),
                    event.email() == null ? null : Invitee.email(event.email()), status));
        }
        return resolved;
    }

    /**
     * What an event is about: the staff invitation or portal membership it names by id, or the one
     * whose mail went last to the address it names.
     */
    private Optional<Found> target(Resolved event) {
        if (event.invitationId() != null) {
            return kinds.stream()
                    .flatMap(kind -> kind.inRealm(realm.getId(), event.invitationId()).stream()
                            .map(row -> new Found(kind, row)))
                    .findFirst();
        }
        Found newest = null;
        for (MailedInvitationRepository<?, ?> kind : kinds) {
            Optional<? extends MailedInvitation> row = kind.lastMailedTo(realm.getId(), event.email());
            if (row.isPresent() && (newest == null || sentAt(row.get()) > sentAt(newest.row()))) {
                newest = new Found(kind, row.get());
            }
        }
        return Optional.ofNullable(newest);
    }

    private static long sentAt(MailedInvitation row) {
        return row.getLastSentAt() == null ? 0 : row.getLastSentAt();
    }

    private boolean apply(EntityManager em, Found found, DeliveryStatus event) {
        MailedInvitation invitation = found.row();
        DeliveryStatus before = invitation.getDelivery();
        DeliveryStatus after = before.after(event);
        boolean liftCooldown = event.liftsCooldown() && !invitation.isCooldownLifted();
        if (after == before && !liftCooldown) {
            return false;
        }
        invitation.setDelivery(after);
        if (liftCooldown) {
            invitation.setCooldownLifted(true);
        }
        new AuditLog(em, realm.getId(), invitation.getOrganizationId(), ACTOR, this::adminEvents)
                .record(found.kind().deliveryChangedEvent(), found.kind().auditTarget(), invitation.getId(),
                        Map.of("deliveryStatus", before.wireName()),
                        Map.of("deliveryStatus", after.wireName(), "event", event.wireName(),
                                "cooldownLifted", invitation.isCooldownLifted()));
        return true;
    }

    private AdminEventBuilder adminEvents() {
        ClientModel client = InvitationClient.of(realm);
        AdminAuth auth = new AdminAuth(realm, null, new InMemoryUserAdapter(session, realm, ACTOR), client);
        return new AdminEventBuilder(realm, auth, session, session.getContext().getConnection());
    }

    /** The webhook body. */
    public record MailEvents(List<MailEvent> events) {
    }

    /** One provider event about one invitation email, named by invitation id or by recipient address. */
    public record MailEvent(@JsonProperty("invitationId") String invitationId, @JsonProperty("email") String email,
            @JsonProperty("event") String event, @JsonProperty("occurredAt") Long occurredAt) {
    }

    private record Resolved(String invitationId, String email, DeliveryStatus status) {
    }

    /** A row an event is about, and the kind of mailed invitation it is. */
    private record Found(MailedInvitationRepository<?, ?> kind, MailedInvitation row) {
    }
}
