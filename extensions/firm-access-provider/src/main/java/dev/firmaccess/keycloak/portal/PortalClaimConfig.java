package dev.firmaccess.keycloak.portal;

import java.util.Map;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;

/** The typed configuration of one portal claim mapper: the claim's name (default {@value #DEFAULT_CLAIM_NAME}). */
record PortalClaimConfig(String claimName) {

    static final String DEFAULT_CLAIM_NAME = "firm_portal";

    static PortalClaimConfig of(Map<String, String> config) {
        String name = config.get(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME);
        return new PortalClaimConfig(name == null || name.isBlank() ? DEFAULT_CLAIM_NAME : name.trim());
    }
}
