package dev.firmaccess.keycloak.portal;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;

/**
 * Records the last login of portal users on their active memberships, for the firm's lists and
 * export. One indexed update per login, in the login's own transaction; staff-only users match no row.
 */
final class PortalLoginListener implements EventListenerProvider {

    private final KeycloakSession session;

    PortalLoginListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() == EventType.LOGIN && event.getUserId() != null && event.getRealmId() != null) {
            new PortalMembershipRepository(session.getProvider(JpaConnectionProvider.class).getEntityManager())
                    .touchLogin(event.getRealmId(), event.getUserId(), event.getTime());
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
    }

    @Override
    public void close() {
    }
}
