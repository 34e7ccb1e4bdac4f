package dev.firmaccess.keycloak.web;

import dev.firmaccess.keycloak.settings.FirmAccessSwitch;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Mounts the firm-access surfaces at {@code /realms/{realm}/firm-access}. */
public final class FirmAccessRealmResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "firm-access";

    private Limits limits = Limits.defaultLimits();

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new FirmAccessRealmResource(session, limits);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
        limits = Limits.from(config);
    }

    /** The limits read from this provider's SPI options at start-up. */
    public Limits limits() {
        return limits;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(FirmAccessSwitch::onEvent);
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
