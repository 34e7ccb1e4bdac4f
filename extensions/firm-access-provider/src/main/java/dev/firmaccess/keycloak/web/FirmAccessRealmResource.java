package dev.firmaccess.keycloak.web;

import dev.firmaccess.keycloak.console.ConsoleResource;
import jakarta.ws.rs.Path;
import org.keycloak.models.KeycloakSession;

/** Root of {@code /realms/{realm}/firm-access}: each surface is a versioned sub-resource. */
public class FirmAccessRealmResource {

    private final KeycloakSession session;

    FirmAccessRealmResource(KeycloakSession session) {
        this.session = session;
    }

    @Path("api/v1")
    public FirmApiResource api() {
        return new FirmApiResource(session);
    }

    @Path("console")
    public ConsoleResource console() {
        return new ConsoleResource(session);
    }
}
