package dev.firmaccess.keycloak.evaluation;

import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.web.ErrorResponses;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * On the AuthZEN endpoints the specification's error rules win over our JSON error shape: an
 * error is its status code with an error message string as the body, and the request id is
 * echoed on errors as on answers.
 */
final class AuthZenErrors {

    static final String REQUEST_ID = "X-Request-ID";

    private AuthZenErrors() {
    }

    /** Runs a request, answering its result or its error with the caller's request id. */
    static Response answer(String requestId, Supplier<Object> request) {
        Response.ResponseBuilder response;
        try {
            response = Response.ok(request.get(), MediaType.APPLICATION_JSON_TYPE);
        } catch (FirmAccessException error) {
            Response original = ErrorResponses.of(error);
            response = Response.status(original.getStatus())
                    .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity(error.description());
            String challenge = original.getHeaderString("WWW-Authenticate");
            if (challenge != null) {
                response.header("WWW-Authenticate", challenge);
            }
        }
        if (requestId != null) {
            response.header(REQUEST_ID, requestId);
        }
        return response.build();
    }
}
