package dev.firmaccess.keycloak.audit;

import com.fasterxml.jackson.databind.JsonNode;

/** An audit entry as the API shows it; before and after are the JSON states, or null. */
public record AuditRecord(String id, long time, String actorId, String action, String targetType, String targetId,
        JsonNode before, JsonNode after) {
}
