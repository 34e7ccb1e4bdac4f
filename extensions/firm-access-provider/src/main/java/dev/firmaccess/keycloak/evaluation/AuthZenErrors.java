package dev.firmaccess.keycloak.evaluation;

import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.web.ErrorResponses;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * Errors of the AuthZEN endpoints: the status codes the specification gives (400, also for a body
 * that is not declared JSON, 401, 403, and 413 for a body over the size limit), with the
 * extension's one JSON error shape as the body (the specification's top-level element of every
 * body is an object; its error message string is {@code error_description}). The request id is
 * echoed on every response by {@link dev.firmaccess.keycloak.web.AuthZenRequestIds}.
 */
final class AuthZenErrors {

    private AuthZenErrors() {
    }

    /** Runs a request, answering its result or its error. */
    static Response answer(Supplier<Object> request) {
        Response.ResponseBuilder response;
        try {
            response = Response.ok(request.get(), MediaType.APPLICATION_JSON_TYPE);
        } catch (FirmAccessException error) {
            Response original = ErrorResponses.of(error);
            response = ErrorResponses.response(error.code(), ErrorResponses.error(error.kind()), error.description());
            String challenge = original.getHeaderString(HttpHeaders.WWW_AUTHENTICATE);
            if (challenge != null) {
                response.header(HttpHeaders.WWW_AUTHENTICATE, challenge);
            }
        }
        return response.build();
    }
}
