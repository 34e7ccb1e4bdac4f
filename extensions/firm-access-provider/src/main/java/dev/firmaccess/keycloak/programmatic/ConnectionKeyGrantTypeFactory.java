package dev.firmaccess.keycloak.programmatic;

import dev.firmaccess.keycloak.core.StatelessProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.grants.OAuth2GrantType;
import org.keycloak.protocol.oidc.grants.OAuth2GrantTypeFactory;

/** Registers the connection-key grant at the realm's token endpoint. */
public final class ConnectionKeyGrantTypeFactory implements OAuth2GrantTypeFactory,
        StatelessProviderFactory<OAuth2GrantType> {

    public static final String GRANT_TYPE = "urn:firm-access:grant-type:connection-key";

    /**
     * Keycloak encodes the issuing grant in every access token id with two characters, unique
     * among the server's grants ({@code ac}, {@code cc}, {@code ro}, {@code te}, ...).
     */
    static final String SHORTCUT = "fk";

    @Override
    public OAuth2GrantType create(KeycloakSession session) {
        return new ConnectionKeyGrantType();
    }

    @Override
    public String getShortcut() {
        return SHORTCUT;
    }

    @Override
    public String getId() {
        return GRANT_TYPE;
    }
}
