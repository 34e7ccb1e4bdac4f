package dev.firmaccess.keycloak.audit;

/** Filters of the audit list; null means "any". Times are epoch milliseconds, inclusive. */
public record AuditQuery(String action, String actorId, String targetType, String targetId, Long from, Long to) {
}
