package dev.firmaccess.keycloak.web;

import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one translation of a domain refusal into the JSON error shape and its HTTP status. */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static Response of(FirmAccessException refusal) {
        String error = error(refusal.kind());
        Response.ResponseBuilder response = response(refusal.code(), error, refusal.description());
        if (refusal.kind() == FirmAccessException.Kind.UNAUTHORIZED
                || refusal.kind() == FirmAccessException.Kind.STALE_AUTHENTICATION) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, bearerChallenge(error, refusal.description())
                    + refusal.maxAgeSeconds().stream().mapToObj(maxAge -> ", max_age=" + maxAge).findFirst()
                            .orElse(""));
        }
        refusal.retryAfterSeconds().ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, seconds));
        return response.build();
    }

    /** RFC 6750 section 3: the description is a quoted string, so its quotes and backslashes are escaped. */
    private static String bearerChallenge(String error, String description) {
        String quoted = description.replace("\\", "\\\\").replace("\"", "\\\"");
        return "Bearer error=\"" + error + "\", error_description=\"" + quoted + "\"";
    }

    /** The error shape with the code's status, for an {@code error} other than the kind's (webhooks, AuthZEN). */
    public static Response.ResponseBuilder response(ErrorCode code, String error, String description) {
        return Response.status(status(code.kind()))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(error, description, code));
    }

    public static int status(FirmAccessException.Kind kind) {
        return switch (kind) {
            case BAD_INPUT -> 400;
            case UNAUTHORIZED, STALE_AUTHENTICATION -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case TOO_MANY -> 429;
        };
    }

    /** The OAuth-style {@code error} of a kind, the coarse class beside the precise {@code code}. */
    public static String error(FirmAccessException.Kind kind) {
        return switch (kind) {
            case BAD_INPUT, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE -> "invalid_request";
            case UNAUTHORIZED -> "invalid_token";
            case STALE_AUTHENTICATION -> "insufficient_user_authentication";
            case FORBIDDEN -> "access_denied";
            case NOT_FOUND -> "not_found";
            case CONFLICT -> "conflict";
            case TOO_MANY -> "too_many_requests";
        };
    }
}
