package dev.firmaccess.keycloak.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firmaccess.keycloak.storage.FirmQuery;
import dev.firmaccess.keycloak.storage.Jpa;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * The firm's audit trail. Each change is stored as a firm-scoped record and also raised as a
 * Keycloak admin event, so the realm's event listeners and admin-event store see it too.
 */
public final class AuditLog {

    public static final String RESOURCE_TYPE = "FIRM_ACCESS";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityManager em;
    private final String realmId;
    private final String organizationId;
    private final String actorId;
    private final Supplier<AdminEventBuilder> adminEvents;
    /** Where each record is also published as a {@link FirmChangeAudited}; null for nowhere. */
    private final KeycloakSession publishTo;

    public AuditLog(EntityManager em, String realmId, String organizationId, String actorId,
            Supplier<AdminEventBuilder> adminEvents) {
        this(em, realmId, organizationId, actorId, adminEvents, null);
    }

    /**
     * A log that also publishes each record to the server's listeners, in the session's transaction.
     * A null {@code adminEvents} raises no admin event: for changes Keycloak itself made and already
     * raised one for, such as a member removed in its own Organizations pages.
     */
    public AuditLog(KeycloakSession session, String realmId, String organizationId, String actorId,
            Supplier<AdminEventBuilder> adminEvents) {
        this(Jpa.entityManager(session), realmId, organizationId, actorId, adminEvents, session);
    }

    private AuditLog(EntityManager em, String realmId, String organizationId, String actorId,
            Supplier<AdminEventBuilder> adminEvents, KeycloakSession publishTo) {
        this.em = em;
        this.realmId = realmId;
        this.organizationId = organizationId;
        this.actorId = actorId;
        this.adminEvents = adminEvents;
        this.publishTo = publishTo;
    }

    public void record(String action, String targetType, String targetId, Object before, Object after) {
        AuditEntity entry = new AuditEntity();
        entry.placeNew(realmId, organizationId);
        entry.setTime(System.currentTimeMillis());
        entry.setActorId(actorId);
        entry.setAction(action);
        entry.setTargetType(targetType);
        entry.setTargetId(targetId);
        entry.setBefore(json(before));
        entry.setAfter(json(after));
        em.persist(entry);
        AuditRecord record = new AuditRecord(entry.getId(), entry.getTime(), actorId, action, targetType, targetId,
                tree(entry.getBefore()), tree(entry.getAfter()));
        if (adminEvents != null) {
            adminEvents.get()
                    .operation(operationOf(before, after))
                    .resource(RESOURCE_TYPE)
                    .resourcePath("firm-access", "firms", organizationId, targetType, targetId == null ? "" : targetId)
                    .representation(record)
                    .detail("action", action)
                    .success();
        }
        if (publishTo != null) {
            publishTo.getKeycloakSessionFactory().publish(new FirmChangeAudited(publishTo, realmId, organizationId,
                    record));
        }
    }

    public List<AuditRecord> page(AuditQuery query, int first, int max) {
        return filtered("select a", query, " order by a.time desc, a.id desc", AuditEntity.class)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultStream()
                .map(a -> new AuditRecord(a.getId(), a.getTime(), a.getActorId(), a.getAction(), a.getTargetType(),
                        a.getTargetId(), tree(a.getBefore()), tree(a.getAfter())))
                .toList();
    }

    public long count(AuditQuery query) {
        return filtered("select count(a)", query, "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> filtered(String select, AuditQuery query, String order, Class<T> type) {
        Map<String, Object> conditions = new LinkedHashMap<>();
        conditions.put("a.action = :action", query.action());
        conditions.put("a.actorId = :actor", query.actorId());
        conditions.put("a.targetType = :targetType", query.targetType());
        conditions.put("a.targetId = :targetId", query.targetId());
        conditions.put("a.time >= :from", query.from());
        conditions.put("a.time <= :to", query.to());
        return FirmQuery.filtered(em, select, "AuditEntity a", organizationId, conditions, order, type);
    }

    private static OperationType operationOf(Object before, Object after) {
        if (before == null) {
            return OperationType.CREATE;
        }
        return after == null ? OperationType.DELETE : OperationType.UPDATE;
    }

    private static String json(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit state not serializable", e);
        }
    }

    private static JsonNode tree(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return JSON.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored audit state is not JSON", e);
        }
    }
}
