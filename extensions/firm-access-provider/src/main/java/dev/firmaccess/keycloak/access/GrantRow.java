package dev.firmaccess.keycloak.access;

/**
 * What a decision reads of a grant, selected as these four columns: a value, not a managed entity,
 * so that reading hundreds of them for a batch leaves nothing for the persistence context to track.
 */
public record GrantRow(String businessId, GrantSubjectType subjectType, String subjectId, String accessLevel) {
}
