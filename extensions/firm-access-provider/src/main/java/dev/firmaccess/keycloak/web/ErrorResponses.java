package dev.firmaccess.keycloak.web;

import dev.firmaccess.keycloak.core.FirmAccessException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one translation of a domain refusal into the JSON error shape and its HTTP status. */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static Response of(FirmAccessException refusal) {
        Response.ResponseBuilder response = response(status(refusal.kind()), error(refusal.kind()),
                refusal.description());
        if (refusal.kind() == FirmAccessException.Kind.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        }
        refusal.retryAfterSeconds().ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, seconds));
        return response.build();
    }

    public static Response.ResponseBuilder response(int status, String error, String description) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(error, description));
    }

    public static int status(FirmAccessException.Kind kind) {
        return switch (kind) {
            case BAD_INPUT -> 400;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case TOO_MANY -> 429;
        };
    }

    private static String error(FirmAccessException.Kind kind) {
        return switch (kind) {
            case BAD_INPUT, TOO_LARGE -> "invalid_request";
            case UNAUTHORIZED -> "invalid_token";
            case FORBIDDEN -> "access_denied";
            case NOT_FOUND -> "not_found";
            case CONFLICT -> "conflict";
            case TOO_MANY -> "too_many_requests";
        };
    }
}
