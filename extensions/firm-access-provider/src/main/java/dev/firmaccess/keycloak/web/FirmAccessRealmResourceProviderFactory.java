package dev.firmaccess.keycloak.web;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Mounts the firm-access surfaces at {@code /realms/{realm}/firm-access}. */
public final class FirmAccessRealmResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "firm-access";

    /**
     * SPI option ({@code --spi-realm-restapi-extension--firm-access--key-creation-max-auth-age}): how
     * long after signing in, in seconds, a browser sign-in's token may still create a connection key.
     */
    static final String KEY_CREATION_MAX_AUTH_AGE = "key-creation-max-auth-age";
    static final int DEFAULT_KEY_CREATION_MAX_AUTH_AGE_SECONDS = 300;

    private int keyCreationMaxAuthAgeSeconds = DEFAULT_KEY_CREATION_MAX_AUTH_AGE_SECONDS;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new FirmAccessRealmResource(session, keyCreationMaxAuthAgeSeconds);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
        int configured = config.getInt(KEY_CREATION_MAX_AUTH_AGE, DEFAULT_KEY_CREATION_MAX_AUTH_AGE_SECONDS);
        if (configured < 1) {
            throw new IllegalArgumentException(
                    KEY_CREATION_MAX_AUTH_AGE + " must be at least 1 second, was " + configured);
        }
        keyCreationMaxAuthAgeSeconds = configured;
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
