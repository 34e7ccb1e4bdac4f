package dev.firmaccess.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.testing.HttpJson.Reply;
import java.util.List;
import java.util.stream.StreamSupport;

/** Assertions on replies that every IT needs. */
public final class Replies {

    private Replies() {
    }

    /** The status, and for a client error the one error shape of the contract; answers the reply for chaining. */
    public static Reply assertStatus(Reply reply, int status) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        if (status >= 400 && status < 500) {
            assertErrorShape(reply);
        }
        return reply;
    }

    /** Any success (2xx); answers the reply for chaining. For set-up steps whose exact status is not the point. */
    public static Reply ok(Reply reply) {
        assertThat(reply.status()).as("status of %s", reply).isBetween(200, 299);
        return reply;
    }

    public static void assertError(Reply reply, int status, String error) {
        assertStatus(reply, status);
        assertThat(reply.json().get("error").asText()).as("error of %s", reply).isEqualTo(error);
    }

    /** The refusal, its class and the code of the rule that refused it (docs/errors.md). */
    public static void assertError(Reply reply, int status, String error, String code) {
        assertError(reply, status, error);
        assertThat(reply.json().get("code").asText()).as("code of %s", reply).isEqualTo(code);
    }

    /** {@code {"error": "...", "error_description": "...", "code": "..."}} and nothing else. */
    private static void assertErrorShape(Reply reply) {
        JsonNode body = reply.json();
        assertThat(body.isObject()).as("error body of %s", reply).isTrue();
        assertThat(fieldNames(body)).as("error fields of %s", reply)
                .containsExactlyInAnyOrder("error", "error_description", "code");
        assertThat(body.get("error").isTextual() && !body.get("error").asText().isBlank()).as("error of %s", reply).isTrue();
        assertThat(body.get("error_description").isTextual()).as("error_description of %s", reply).isTrue();
        assertThat(body.get("code").asText()).as("code of %s", reply).matches("[a-z]+(_[a-z]+)*");
    }

    /** The values of one text field of every object in a JSON array body. */
    public static List<String> texts(Reply reply, String field) {
        return texts(reply.json(), field);
    }

    public static List<String> texts(JsonNode array, String field) {
        assertThat(array.isArray()).as("a JSON array: %s", array).isTrue();
        return StreamSupport.stream(array.spliterator(), false).map(item -> item.path(field).asText(null)).toList();
    }

    public static long totalCount(Reply reply) {
        String total = reply.header("X-Total-Count");
        assertThat(total).as("X-Total-Count of %s", reply).isNotNull();
        return Long.parseLong(total);
    }

    private static List<String> fieldNames(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false).toList();
    }
}
