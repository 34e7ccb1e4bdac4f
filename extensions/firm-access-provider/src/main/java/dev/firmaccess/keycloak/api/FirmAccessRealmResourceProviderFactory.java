package dev.firmaccess.keycloak.api;

import dev.firmaccess.keycloak.core.StatelessProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Mounts the firm-access surfaces at {@code /realms/{realm}/firm-access}. */
public final class FirmAccessRealmResourceProviderFactory implements RealmResourceProviderFactory,
        StatelessProviderFactory<RealmResourceProvider> {

    public static final String PROVIDER_ID = "firm-access";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new FirmAccessRealmResource(session);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
