package dev.firmaccess.keycloak.core;

import java.util.OptionalLong;

/**
 * What the domain says when it refuses a request: a {@link Kind} and a description meant for the
 * caller. Services and policies throw it without knowing who asked; each surface translates it once
 * at its edge (the JSON error shape of the REST APIs, the themed page of the console).
 */
public final class FirmAccessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a request was refused; each surface decides how to say it. */
    public enum Kind {
        /** Malformed or out-of-range input. */
        BAD_INPUT,
        /** No valid credential of the realm, or one that may no longer act. */
        UNAUTHORIZED,
        /**
         * A valid credential whose user signed in too long ago (or not interactively) for this
         * request; {@link #maxAgeSeconds()} says how recent a sign-in it needs.
         */
        STALE_AUTHENTICATION,
        /** The caller is known but lacks the right. */
        FORBIDDEN,
        /** Unknown ids and ids of another firm alike, so ids cannot be probed across firms. */
        NOT_FOUND,
        /** The request contradicts the current state (already pending, last owner, ...). */
        CONFLICT,
        /** The input is larger than the documented limit. */
        TOO_LARGE,
        /** The request body is not of a media type the endpoint reads. */
        UNSUPPORTED_MEDIA_TYPE,
        /** Asked again too soon; {@link #retryAfterSeconds()} says when it may be asked again. */
        TOO_MANY
    }

    private final Kind kind;
    private final Long seconds;

    private FirmAccessException(Kind kind, String description, Long seconds) {
        super(description);
        this.kind = kind;
        this.seconds = seconds;
    }

    public static FirmAccessException badInput(String description) {
        return new FirmAccessException(Kind.BAD_INPUT, description, null);
    }

    public static FirmAccessException unauthorized(String description) {
        return new FirmAccessException(Kind.UNAUTHORIZED, description, null);
    }

    public static FirmAccessException staleAuthentication(String description, long maxAgeSeconds) {
        return new FirmAccessException(Kind.STALE_AUTHENTICATION, description, maxAgeSeconds);
    }

    public static FirmAccessException forbidden(String description) {
        return new FirmAccessException(Kind.FORBIDDEN, description, null);
    }

    public static FirmAccessException notFound(String description) {
        return new FirmAccessException(Kind.NOT_FOUND, description, null);
    }

    public static FirmAccessException conflict(String description) {
        return new FirmAccessException(Kind.CONFLICT, description, null);
    }

    public static FirmAccessException tooLarge(String description) {
        return new FirmAccessException(Kind.TOO_LARGE, description, null);
    }

    public static FirmAccessException unsupportedMediaType(String description) {
        return new FirmAccessException(Kind.UNSUPPORTED_MEDIA_TYPE, description, null);
    }

    public static FirmAccessException tooMany(String description, long retryAfterSeconds) {
        return new FirmAccessException(Kind.TOO_MANY, description, retryAfterSeconds);
    }

    public Kind kind() {
        return kind;
    }

    /** The description for the caller (the exception's message). */
    public String description() {
        return getMessage();
    }

    /** For {@link Kind#TOO_MANY}: the seconds until the request may be made again. */
    public OptionalLong retryAfterSeconds() {
        return secondsFor(Kind.TOO_MANY);
    }

    /** For {@link Kind#STALE_AUTHENTICATION}: the most seconds since the sign-in the request accepts. */
    public OptionalLong maxAgeSeconds() {
        return secondsFor(Kind.STALE_AUTHENTICATION);
    }

    private OptionalLong secondsFor(Kind secondsKind) {
        return kind == secondsKind && seconds != null ? OptionalLong.of(seconds) : OptionalLong.empty();
    }
}
