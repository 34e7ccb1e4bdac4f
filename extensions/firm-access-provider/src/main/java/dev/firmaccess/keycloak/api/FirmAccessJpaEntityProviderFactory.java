package dev.firmaccess.keycloak.api;

import dev.firmaccess.keycloak.admin.FirmAccessSetUp;
import dev.firmaccess.keycloak.core.StatelessProviderFactory;
import dev.firmaccess.keycloak.programmatic.ConnectionKeyCleanup;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

public final class FirmAccessJpaEntityProviderFactory implements JpaEntityProviderFactory,
        StatelessProviderFactory<JpaEntityProvider> {

    public static final String PROVIDER_ID = "firm-access";

    private static final JpaEntityProvider INSTANCE = new FirmAccessJpaEntityProvider();

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return INSTANCE;
    }

    /**
     * The one place that registers the extension's listeners: the cleanup on Keycloak's removals (the
     * firm's rows, and the connection keys, which live exactly as long as the membership, user, firm
     * and realm they act for), and the set-up of a realm created with Firm Access on.
     */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(FirmDataCleanup::onEvent);
        factory.register(ConnectionKeyCleanup::onEvent);
        factory.register(FirmAccessSetUp::onEvent);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
