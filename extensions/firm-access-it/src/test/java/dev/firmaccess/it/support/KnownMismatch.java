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
            reply -> reply.body().contains("Blocking invalid query parameter value"));

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
