package dev.firmaccess.keycloak.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;

/**
 * Reads request bodies ourselves rather than through the JAX-RS provider, so that malformed or
 * mistyped JSON gets our error shape instead of the container's.
 */
public final class JsonBodies {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // Text after the JSON value makes the body malformed, not ignorable.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // A mistyped field is a 400, so Jackson's lenient scalar coercions ("5" -> 5, 5 -> "5") are off.
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private JsonBodies() {
    }

    /** The body as the type; a body longer than {@link Limits#bodyChars()} is a 413 before parsing. */
    public static <T> T read(String body, Class<T> type, Limits limits) {
        if (body == null || body.isBlank()) {
            throw FirmAccessException.badInput("A JSON request body is required");
        }
        if (body.length() > limits.bodyChars()) {
            throw FirmAccessException.of(ErrorCode.BODY_TOO_LARGE,
                    "The request body is larger than " + limits.bodyChars() + " characters");
        }
        T value;
        try {
            value = MAPPER.readValue(body, type);
        } catch (JsonProcessingException malformed) {
            throw FirmAccessException.of(ErrorCode.INVALID_JSON,
                    "The request body is not valid JSON of the expected shape: "
                    + malformed.getOriginalMessage());
        }
        if (value == null) {
            throw FirmAccessException.badInput("A JSON request body is required");
        }
        return value;
    }
}
