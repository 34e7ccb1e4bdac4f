package dev.firmaccess.keycloak.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firmaccess.keycloak.core.ErrorCode;
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
        assertThat(response.getEntity())
                .isEqualTo(new ErrorBody("invalid_request", "'name' is required", "invalid_request"));
    }

    @Test
    void eachCodeHasTheStatusAndErrorOfItsKind() {
        assertThat(body(FirmAccessException.of(ErrorCode.OWNER_ONLY, "no")))
                .isEqualTo(new ErrorBody("access_denied", "no", "owner_only"));
        assertThat(body(FirmAccessException.notFound("gone"))).isEqualTo(new ErrorBody("not_found", "gone", "not_found"));
        assertThat(body(FirmAccessException.of(ErrorCode.LAST_OWNER, "last")))
                .isEqualTo(new ErrorBody("conflict", "last", "last_owner"));
        assertThat(body(FirmAccessException.of(ErrorCode.BODY_TOO_LARGE, "big")))
                .isEqualTo(new ErrorBody("invalid_request", "big", "body_too_large"));
        assertThat(ErrorResponses.of(FirmAccessException.of(ErrorCode.FORBIDDEN, "no")).getStatus()).isEqualTo(403);
        assertThat(ErrorResponses.of(FirmAccessException.notFound("gone")).getStatus()).isEqualTo(404);
        assertThat(ErrorResponses.of(FirmAccessException.of(ErrorCode.ALREADY_MEMBER, "in")).getStatus()).isEqualTo(409);
        assertThat(ErrorResponses.of(FirmAccessException.of(ErrorCode.CSV_TOO_LARGE, "big")).getStatus()).isEqualTo(413);
    }

    @Test
    void unauthorizedChallengesForABearerToken() {
        Response response = ErrorResponses.of(FirmAccessException.of(ErrorCode.WRONG_AUDIENCE, "A token is required"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo("Bearer error=\"invalid_token\", error_description=\"A token is required\"");
        assertThat(response.getEntity())
                .isEqualTo(new ErrorBody("invalid_token", "A token is required", "wrong_audience"));
    }

    @Test
    void aStaleSignInAsksForAFresherOneWithItsMaximumAge() {
        Response response = ErrorResponses.of(FirmAccessException.staleAuthentication(
                ErrorCode.RECENT_SIGN_IN_REQUIRED, "Sign in \"again\"", 300));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo(
                "Bearer error=\"insufficient_user_authentication\", error_description=\"Sign in \\\"again\\\"\", max_age=300");
        assertThat(response.getEntity()).isEqualTo(
                new ErrorBody("insufficient_user_authentication", "Sign in \"again\"", "recent_sign_in_required"));
    }

    @Test
    void aBodyOfAnotherMediaTypeIsA415() {
        Response response = ErrorResponses.of(FirmAccessException.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "JSON only"));

        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(response.getEntity()).isEqualTo(new ErrorBody("invalid_request", "JSON only", "unsupported_media_type"));
    }

    @Test
    void tooManySaysWhenToAskAgain() {
        Response response = ErrorResponses.of(FirmAccessException.tooMany(ErrorCode.RESEND_COOLDOWN, "Sent recently", 42));

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo("42");
        assertThat(response.getEntity()).isEqualTo(new ErrorBody("too_many_requests", "Sent recently", "resend_cooldown"));
    }

    @Test
    void onlyUnauthorizedAndTooManyCarryExtraHeaders() {
        Response response = ErrorResponses.of(FirmAccessException.of(ErrorCode.TEAM_NAME_TAKEN, "taken"));

        assertThat(response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)).isNull();
        assertThat(response.getHeaderString(HttpHeaders.RETRY_AFTER)).isNull();
    }

    @Test
    void aCodeIsThrownOnlyWithTheSecondsItsKindNeeds() {
        assertThatThrownBy(() -> FirmAccessException.of(ErrorCode.TOO_MANY_MAILS, "later"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FirmAccessException.tooMany(ErrorCode.LAST_OWNER, "later", 5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ErrorBody body(FirmAccessException refusal) {
        return (ErrorBody) ErrorResponses.of(refusal).getEntity();
    }
}
