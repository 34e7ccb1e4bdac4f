package dev.firmaccess.keycloak.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.firmaccess.keycloak.core.ErrorCode;

/**
 * The one error shape of every firm-access surface: {@code error} and {@code error_description} as
 * in OAuth 2.0 error responses, and {@code code}, the stable reason a client can branch on.
 */
public record ErrorBody(
        @JsonProperty("error") String error,
        @JsonProperty("error_description") String errorDescription,
        @JsonProperty("code") String code) {

    public ErrorBody(String error, String errorDescription, ErrorCode code) {
        this(error, errorDescription, code.wireName());
    }
}
