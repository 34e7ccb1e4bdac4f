package dev.firmaccess.keycloak.portal;

import dev.firmaccess.keycloak.core.StatelessProviderFactory;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;

/**
 * A global event listener, so the last login of portal users is kept without every realm having
 * to enable a listener in its event settings.
 */
public final class PortalLoginListenerFactory implements EventListenerProviderFactory,
        StatelessProviderFactory<EventListenerProvider> {

    public static final String PROVIDER_ID = "firm-access-portal-login";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new PortalLoginListener(session.getKeycloakSessionFactory());
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
