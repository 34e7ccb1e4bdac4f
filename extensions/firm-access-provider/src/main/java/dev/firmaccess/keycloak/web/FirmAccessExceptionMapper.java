package dev.firmaccess.keycloak.web;

import dev.firmaccess.keycloak.core.FirmAccessException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.utils.KeycloakSessionUtil;

/**
 * The REST edge of every firm-access surface: a refusal of the domain ends the request with the
 * JSON error shape, and nothing the request changed before it is committed (as Keycloak does for
 * the errors it maps itself).
 */
@Provider
public class FirmAccessExceptionMapper implements ExceptionMapper<FirmAccessException> {

    @Override
    public Response toResponse(FirmAccessException refusal) {
        KeycloakSession session = KeycloakSessionUtil.getKeycloakSession();
        if (session != null) {
            session.getTransactionManager().setRollbackOnly();
        }
        return ErrorResponses.of(refusal);
    }
}
