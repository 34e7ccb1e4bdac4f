package dev.firmaccess.keycloak.evaluation;

import dev.firmaccess.keycloak.web.ApiErrors;
import dev.firmaccess.keycloak.web.ErrorBody;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.keycloak.services.ErrorResponseException;

/**
 * Errors of the AuthZEN endpoints: the status codes the specification gives (400, 401, 403, and
 * 413 and 415 for bodies too large or not JSON), with the extension's one JSON error shape as the
 * body, and the request id echoed on errors as on answers.
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
            response = ApiErrors.response(original.getStatus(), code(error), message(error));
            String challenge = original.getHeaderString(HttpHeaders.WWW_AUTHENTICATE);
            if (challenge != null) {
                response.header(HttpHeaders.WWW_AUTHENTICATE, challenge);
            }
        }
        if (requestId != null) {
            response.header(REQUEST_ID, requestId);
        }
        return response.build();
    }

    private static String code(ErrorResponseException error) {
        return error.getResponse().getEntity() instanceof ErrorBody body ? body.error() : "invalid_request";
    }

    static String message(ErrorResponseException error) {
        Object entity = error.getResponse().getEntity();
        return entity instanceof ErrorBody body ? body.errorDescription() : String.valueOf(entity);
    }
}
