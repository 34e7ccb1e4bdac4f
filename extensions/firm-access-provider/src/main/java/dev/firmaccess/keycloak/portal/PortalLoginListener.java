package dev.firmaccess.keycloak.portal;

import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Records each sign-in (LOGIN event) of a portal user as LAST_LOGIN_AT on their active
 * memberships, in one UPDATE. It runs in a transaction of its own, so a failure here never
 * fails a sign-in; refreshes are not sign-ins and are not recorded.
 */
final class PortalLoginListener implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger(PortalLoginListener.class);

    private final KeycloakSessionFactory factory;

    PortalLoginListener(KeycloakSessionFactory factory) {
        this.factory = factory;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() != EventType.LOGIN || event.getUserId() == null || event.getRealmId() == null) {
            return;
        }
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session ->
                    new PortalMembershipRepository(session.getProvider(JpaConnectionProvider.class).getEntityManager())
                            .touchLogin(event.getRealmId(), event.getUserId(), event.getTime()));
        } catch (RuntimeException failed) {
            LOG.warnf(failed, "Could not record the portal sign-in time of user %s", event.getUserId());
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
    }

    @Override
    public void close() {
    }
}
