package dev.firmaccess.keycloak.api;

import dev.firmaccess.keycloak.core.StatelessProviderFactory;
import dev.firmaccess.keycloak.web.Limits;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Mounts the firm-access surfaces at {@code /realms/{realm}/firm-access}. */
public final class FirmAccessRealmResourceProviderFactory implements RealmResourceProviderFactory,
        StatelessProviderFactory<RealmResourceProvider>, Limits.Source {

    public static final String PROVIDER_ID = Limits.PROVIDER_ID;

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
    @Override
    public Limits limits() {
        return limits;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
