package dev.firmaccess.keycloak.portal;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * The event listener {@value #PROVIDER_ID}, which keeps portal users' last sign-in. A realm must
 * list it among its event listeners (Realm settings, Events) for it to run.
 */
public final class PortalLoginListenerFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "firm-access-portal-login";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new PortalLoginListener(session.getKeycloakSessionFactory());
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
