package dev.firmaccess.testing;

import java.util.Map;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/** Protocol mappers that put an audience into access tokens and into the answers of token introspection. */
public final class AudienceMappers {

    private AudienceMappers() {
    }

    /** The audience of a client of the realm, named by its client id. */
    public static ProtocolMapperRepresentation ofClient(String mapperName, String clientId) {
        return audience(mapperName, "included.client.audience", clientId);
    }

    /** An audience that names no client of the realm, such as an API. */
    public static ProtocolMapperRepresentation custom(String mapperName, String audience) {
        return audience(mapperName, "included.custom.audience", audience);
    }

    private static ProtocolMapperRepresentation audience(String mapperName, String audienceKey, String audience) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(mapperName);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-audience-mapper");
        mapper.setConfig(Map.of(audienceKey, audience, "access.token.claim", "true",
                "introspection.token.claim", "true"));
        return mapper;
    }
}
