package dev.firmaccess.testing;

import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/**
 * A client scope carrying the firm-access claim mapper and the firm-portal claim mapper, in every
 * token type, as docs/claims.md describes it.
 */
public final class ClaimScope {

    public static final String MAPPER = "firm-access-claim-mapper";
    public static final String PORTAL_MAPPER = "firm-portal-claim-mapper";

    private ClaimScope() {
    }

    /** Creates the scope with the mappers' default config, plus {@code mapperConfig} for firm_access; answers the scope id. */
    public static String create(RealmResource realm, String name, Map<String, String> mapperConfig) {
        return create(realm, name, mapperConfig, Map.of());
    }

    /** Creates the scope with the mappers' default config plus the given settings of each mapper; answers the scope id. */
    public static String create(RealmResource realm, String name, Map<String, String> mapperConfig,
            Map<String, String> portalMapperConfig) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper(MAPPER);
        Map<String, String> config = new HashMap<>(Map.of("claim.name", "firm_access", "access.token.claim", "true",
                "id.token.claim", "true", "userinfo.token.claim", "true", "introspection.token.claim", "true"));
        config.putAll(mapperConfig);
        mapper.setConfig(config);
        ProtocolMapperRepresentation portal = new ProtocolMapperRepresentation();
        portal.setName(name + " portal");
        portal.setProtocol("openid-connect");
        portal.setProtocolMapper(PORTAL_MAPPER);
        Map<String, String> portalConfig = new HashMap<>(Map.of("claim.name", "firm_portal", "access.token.claim", "true",
                "id.token.claim", "true", "userinfo.token.claim", "true", "introspection.token.claim", "true"));
        portalConfig.putAll(portalMapperConfig);
        portal.setConfig(portalConfig);
        ClientScopeRepresentation scope = new ClientScopeRepresentation();
        scope.setName(name);
        scope.setProtocol("openid-connect");
        scope.setAttributes(Map.of("include.in.token.scope", "true"));
        scope.setProtocolMappers(List.of(mapper, portal));
        try (Response created = realm.clientScopes().create(scope)) {
            if (created.getStatus() != 201) {
                throw new IllegalStateException("Creating client scope " + name + " failed: " + created.getStatus());
            }
            String location = created.getLocation().getPath();
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }
}
