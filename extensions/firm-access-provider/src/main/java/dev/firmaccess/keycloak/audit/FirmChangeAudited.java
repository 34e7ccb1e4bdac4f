package dev.firmaccess.keycloak.audit;

import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderEvent;

/**
 * A change of a firm was audited, in the transaction that made it: listeners that must follow
 * every change (the access events to subscribers) hear it here, whichever service made it.
 */
public record FirmChangeAudited(KeycloakSession session, String realmId, String organizationId, AuditRecord record)
        implements ProviderEvent {
}
