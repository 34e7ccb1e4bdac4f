package dev.firmaccess.it.support;

import dev.firmaccess.testing.HttpJson.Reply;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Replies that are known not to match the OpenAPI document, each with the reason. {@link Api}
 * lets exactly these pass, and fails once one of them conforms, so this list never outlives a fix.
 */
public enum KnownMismatch {

    /**
     * Keycloak's admin root refuses a missing or invalid token before the extension runs, with
     * {@code {"error": "HTTP 401 Unauthorized"}}: no error_description, no WWW-Authenticate header.
     */
    ADMIN_API_401_FROM_KEYCLOAK(null, "/admin/realms/[^/]+/firm-access(/.*)?", 401, reply -> true),

    /**
     * Keycloak refuses a query parameter holding a control character such as NUL for every
     * endpoint, before the extension runs, with {@code {"error": "Blocking invalid query parameter value"}}.
     */
    QUERY_PARAMETER_BLOCKED_BY_KEYCLOAK(null, ".*", 400,
            reply -> reply.body().contains("Blocking invalid query parameter value")),

    /**
     * A body whose Content-Type an operation does not consume is refused by the JAX-RS container
     * before the resource runs, with a 415 in Keycloak's {@code {"error": "..."}} shape that the
     * document does not list. Fixing it means reading the content type in the resources themselves.
     */
    CONTENT_TYPE_REFUSED_BY_THE_CONTAINER(null, ".*", 415, KnownMismatch::isKeycloaksErrorShape),

    /**
     * A body larger than the container takes for an operation that reads none (or reads a form)
     * is refused before the resource runs, with {@code {"error": "HTTP 413 Request Entity Too Large"}}.
     */
    OVERSIZED_BODY_REFUSED_BY_THE_CONTAINER(null, ".*", 413, KnownMismatch::isKeycloaksErrorShape);

    private final String method;
    private final Pattern path;
    private final Integer status;
    private final Predicate<Reply> reply;

    KnownMismatch(String method, String path, Integer status, Predicate<Reply> reply) {
        this.method = method;
        this.path = Pattern.compile(path);
        this.status = status;
        this.reply = reply;
    }

    /** {@code {"error": "..."}} without a description: Keycloak's own refusal, not the extension's. */
    private static boolean isKeycloaksErrorShape(Reply reply) {
        return reply.body().startsWith("{\"error\":") && !reply.body().contains("error_description");
    }

    /** The known mismatch this reply is an instance of; a null method or status stands for any. */
    public static Optional<KnownMismatch> of(String method, String path, Reply reply) {
        String withoutQuery = path.split("\\?", 2)[0];
        return Arrays.stream(values())
                .filter(known -> known.method == null || known.method.equals(method))
                .filter(known -> known.status == null || known.status == reply.status())
                .filter(known -> known.path.matcher(withoutQuery).matches())
                .filter(known -> known.reply.test(reply))
                .findFirst();
    }
}
