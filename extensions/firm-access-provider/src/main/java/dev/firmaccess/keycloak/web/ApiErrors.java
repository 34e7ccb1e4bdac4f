package dev.firmaccess.keycloak.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.services.ErrorResponseException;

/** Builds the exceptions that end a request with the JSON error shape and the right status. */
public final class ApiErrors {

    private ApiErrors() {
    }

    public static ErrorResponseException of(Response.Status status, String error, String description) {
        return new ErrorResponseException(response(status.getStatusCode(), error, description).build());
    }

    public static Response.ResponseBuilder response(int status, String error, String description) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(error, description));
    }

    public static ErrorResponseException badRequest(String description) {
        return of(Response.Status.BAD_REQUEST, "invalid_request", description);
    }

    public static ErrorResponseException unauthorized(String description) {
        return bearerChallenge("invalid_token", description, "");
    }

    /**
     * RFC 9470: the token is valid, but its user signed in too long ago (or not interactively) for
     * this request; the client signs the user in again, asking for {@code max_age}.
     */
    public static ErrorResponseException insufficientUserAuthentication(String description, long maxAgeSeconds) {
        return bearerChallenge("insufficient_user_authentication", description, ", max_age=" + maxAgeSeconds);
    }

    private static ErrorResponseException bearerChallenge(String error, String description, String extraParameters) {
        // RFC 6750 section 3: the description is a quoted string, so its quotes and backslashes are escaped.
        String quoted = description.replace("\\", "\\\\").replace("\"", "\\\"");
        return new ErrorResponseException(response(401, error, description)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"" + error + "\", error_description=\"" + quoted
                        + "\"" + extraParameters)
                .build());
    }

    public static ErrorResponseException forbidden(String description) {
        return of(Response.Status.FORBIDDEN, "access_denied", description);
    }

    /** Unknown ids and ids of another firm answer alike, so ids cannot be probed across firms. */
    public static ErrorResponseException notFound(String description) {
        return of(Response.Status.NOT_FOUND, "not_found", description);
    }

    public static ErrorResponseException conflict(String description) {
        return of(Response.Status.CONFLICT, "conflict", description);
    }
}
