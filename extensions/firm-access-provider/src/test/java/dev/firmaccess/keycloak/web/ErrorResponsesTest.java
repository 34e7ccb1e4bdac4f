package dev.firmaccess.keycloak.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.keycloak.core.FirmAccessException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class ErrorResponsesTest {

    @Test
    void badInputIsA400InvalidRequestInTheJsonErrorShape() {
        Response response = ErrorResponses.of(FirmAccessException.badInput("'name' is required"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
        assertThat(response.getEntity()).isEqualTo(new ErrorBody("invalid_request", "'name' is required"));
    }

    @Test
    void eachKindHasItsStatusAndErrorCode() {
        assertThat(body(FirmAccessException.forbidden("no"))).isEqualTo(new ErrorBody("access_denied", "no"));
        assertThat(body(FirmAccessException.notFound("gone"))).isEqualTo(new ErrorBody("not_found", "gone"));
        assertThat(body(FirmAccessException.conflict("taken"))).isEqualTo(new ErrorBody("conflict", "taken"));
        assertThat(body(FirmAccessException.tooLarge("big"))).isEqualTo(new ErrorBody("invalid_request", "big"));
        assertThat(ErrorResponses.of(FirmAccessException.forbidden("no")).getStatus()).isEqualTo(403);
        assertThat(ErrorResponses.of(FirmAccessException.notFound("gone")).getStatus()).isEqualTo(404);
        assertThat(ErrorResponses.of(FirmAccessException.conflict("taken")).getStatus()).isEqualTo(409);
        assertThat(ErrorResponses.of(FirmAccessException.tooLarge("big")).getStatus()).isEqualTo(413);
    }

    @Test
    void unauthorizedChallengesForABearerToken() {
        Response response = ErrorResponses.of(FirmAccessException.unauthorized("A token is required"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo("Bearer error=\"invalid_token\", error_description=\"A token is required\"");
        assertThat(response.getEntity()).isEqualTo(new ErrorBody("invalid_token", "A token is required"));
    }

    @Test
    void aStaleSignInAsksForAFresherOneWithItsMaximumAge() {
        Response response = ErrorResponses.of(FirmAccessException.staleAuthentication("Sign in \"again\"", 300));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo(
                "Bearer error=\"insufficient_user_authentication\", error_description=\"Sign in \\\"again\\\"\", max_age=300");
        assertThat(response.getEntity())
                .isEqualTo(new ErrorBody("insufficient_user_authentication", "Sign in \"again\""));
    }

    @Test
    void aBodyOfAnotherMediaTypeIsA415() {
        Response response = ErrorResponses.of(FirmAccessException.unsupportedMediaType("JSON only"));

        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(response.getEntity()).isEqualTo(new ErrorBody("invalid_request", "JSON only"));
    }

    @Test
    void tooManySaysWhenToAskAgain() {
        Response response = ErrorResponses.of(FirmAccessException.tooMany("Sent recently", 42));

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo("42");
        assertThat(response.getEntity()).isEqualTo(new ErrorBody("too_many_requests", "Sent recently"));
    }

    @Test
    void onlyUnauthorizedAndTooManyCarryExtraHeaders() {
        Response response = ErrorResponses.of(FirmAccessException.conflict("taken"));

        assertThat(response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)).isNull();
        assertThat(response.getHeaderString(HttpHeaders.RETRY_AFTER)).isNull();
    }

    private static ErrorBody body(FirmAccessException refusal) {
        return (ErrorBody) ErrorResponses.of(refusal).getEntity();
    }
}
