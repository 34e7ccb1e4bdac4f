package dev.firmaccess.keycloak.evaluation;

import dev.firmaccess.keycloak.web.ErrorBody;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.keycloak.services.ErrorResponseException;

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
        } catch (ErrorResponseException error) {
            Response original = error.getResponse();
            response = Response.status(original.getStatus())
                    .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity(message(error));
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

    static String message(ErrorResponseException error) {
        Object entity = error.getResponse().getEntity();
        return entity instanceof ErrorBody body ? body.errorDescription() : String.valueOf(entity);
    }
}
