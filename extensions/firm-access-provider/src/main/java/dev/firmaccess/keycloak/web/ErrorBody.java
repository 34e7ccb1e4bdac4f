package dev.firmaccess.keycloak.web;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The one error shape of every firm-access surface, as in OAuth 2.0 error responses. */
public record ErrorBody(
        @JsonProperty("error") String error,
        @JsonProperty("error_description") String errorDescription) {
}
