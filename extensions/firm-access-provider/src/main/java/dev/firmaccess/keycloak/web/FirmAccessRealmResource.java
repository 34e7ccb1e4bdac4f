package dev.firmaccess.keycloak.web;

import dev.firmaccess.keycloak.evaluation.AccessEvaluationResource;
import jakarta.ws.rs.Path;
import org.keycloak.models.KeycloakSession;

/** Root of {@code /realms/{realm}/firm-access}: each surface is a versioned sub-resource. */
public class FirmAccessRealmResource {

    private final KeycloakSession session;

    FirmAccessRealmResource(KeycloakSession session) {
        this.session = session;
    }

    @Path("access/v1")
    public AccessEvaluationResource access() {
        return new AccessEvaluationResource(session);
    }

    @Path("api/v1")
    public FirmApiResource api() {
        return new FirmApiResource(session);
    }
}
