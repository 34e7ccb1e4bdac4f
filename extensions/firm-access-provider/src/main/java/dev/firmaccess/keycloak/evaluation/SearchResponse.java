package dev.firmaccess.keycloak.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The AuthZEN search response: the page first (so a PEP can show progress), then the results. */
@JsonPropertyOrder({"page", "results"})
record SearchResponse(Page page, List<Result> results) {

    /** The page: an empty {@code next_token} marks the last one. */
    record Page(@JsonProperty("next_token") String nextToken, int count, long total) {
    }

    /** One entity found: a subject, a resource ({@code type} and {@code id}) or an action ({@code name}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(String type, String id, String name, Map<String, String> properties) {

        static Result entity(String type, String id, Map<String, String> properties) {
            return new Result(type, id, null, properties);
        }

        static Result action(String name) {
            return new Result(null, null, name, null);
        }
    }

    static SearchResponse of(List<Result> results, long total, PageCursor cursor, JsonNode request) {
        long next = cursor.offset() + results.size();
        return new SearchResponse(new Page(next < total && !results.isEmpty() ? PageCursor.token(next, request) : "",
                results.size(), total), results);
    }
}
