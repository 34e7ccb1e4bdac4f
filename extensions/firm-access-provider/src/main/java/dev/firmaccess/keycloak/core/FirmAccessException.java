package dev.firmaccess.keycloak.core;

import java.util.OptionalLong;

/**
 * What the domain says when it refuses a request: an {@link ErrorCode} (which names the rule and
 * its {@link Kind}) and a description meant for the caller. Services and policies throw it without
 * knowing who asked; each surface translates it once at its edge (the JSON error shape of the REST
 * APIs, the themed page of the console).
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

    private final ErrorCode code;
    private final Long seconds;

    private FirmAccessException(ErrorCode code, String description, Long seconds) {
        super(description);
        this.code = code;
        this.seconds = seconds;
    }

    /** A refusal by the rule the code names. */
    public static FirmAccessException of(ErrorCode code, String description) {
        if (code.kind() == Kind.TOO_MANY || code.kind() == Kind.STALE_AUTHENTICATION) {
            throw new IllegalArgumentException(code + " needs its seconds: use tooMany or staleAuthentication");
        }
        return new FirmAccessException(code, description, null);
    }

    /** A refusal of input with no more specific code than {@link ErrorCode#INVALID_REQUEST}. */
    public static FirmAccessException badInput(String description) {
        return of(ErrorCode.INVALID_REQUEST, description);
    }

    /** An unknown id or one of another firm: {@link ErrorCode#NOT_FOUND}, the same for both. */
    public static FirmAccessException notFound(String description) {
        return of(ErrorCode.NOT_FOUND, description);
    }

    public static FirmAccessException staleAuthentication(ErrorCode code, String description, long maxAgeSeconds) {
        return new FirmAccessException(requireKind(code, Kind.STALE_AUTHENTICATION), description, maxAgeSeconds);
    }

    public static FirmAccessException tooMany(ErrorCode code, String description, long retryAfterSeconds) {
        return new FirmAccessException(requireKind(code, Kind.TOO_MANY), description, retryAfterSeconds);
    }

    private static ErrorCode requireKind(ErrorCode code, Kind kind) {
        if (code.kind() != kind) {
            throw new IllegalArgumentException(code + " is not of kind " + kind);
        }
        return code;
    }

    public ErrorCode code() {
        return code;
    }

    public Kind kind() {
        return code.kind();
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
        return kind() == secondsKind && seconds != null ? OptionalLong.of(seconds) : OptionalLong.empty();
    }
}
