package dev.firmaccess.testing;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientScopeRepresentation;

/**
 * The client scope {@value #NAME} with Keycloak's audience mapper, as docs/security.md tells an
 * operator to set it up: tokens of a client with this scope name the firm API in their audience,
 * which the firm and evaluation APIs require.
 */
public final class ApiScope {

    public static final String NAME = "firm-access-api";

    private ApiScope() {
    }

    /**
     * Makes the scope a default scope of every client created in the realm from now on, creating it
     * unless the realm has it already (the extension adds it when Firm Access is turned on); answers its id.
     */
    public static String createAsRealmDefault(RealmResource realm) {
        String id = realm.clientScopes().findAll().stream().filter(existing -> NAME.equals(existing.getName()))
                .map(ClientScopeRepresentation::getId).findFirst().orElseGet(() -> create(realm));
        realm.addDefaultDefaultClientScope(id);
        return id;
    }

    private static String create(RealmResource realm) {
        ClientScopeRepresentation scope = new ClientScopeRepresentation();
        scope.setName(NAME);
        scope.setProtocol("openid-connect");
        scope.setAttributes(Map.of("include.in.token.scope", "true", "display.on.consent.screen", "false"));
        scope.setProtocolMappers(List.of(AudienceMappers.custom(NAME + " audience", NAME)));
        try (Response created = realm.clientScopes().create(scope)) {
            if (created.getStatus() != 201) {
                throw new IllegalStateException("Creating client scope " + NAME + " failed: " + created.getStatus());
            }
            String location = created.getLocation().getPath();
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }
}
