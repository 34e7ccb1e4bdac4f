package dev.firmaccess.keycloak.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firmaccess.keycloak.evaluation.AuthZenModel.PageRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a search page starts. The opaque {@code next_token} carries the offset and a fingerprint
 * of the request it continues, so that a token replayed with a changed request is a 400, as the
 * specification recommends. Nothing is kept on the server between pages.
 */
record PageCursor(long offset, int limit) {

    static PageCursor of(PageRequest page, JsonNode request) {
        if (page.token() == null) {
            return new PageCursor(0, page.limit());
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(page.token()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw AuthZenRequests.invalid("'page.token' is not a token this server issued");
        }
        String[] parts = decoded.split(":", 2);
        if (parts.length != 2 || !parts[1].equals(fingerprint(request))) {
            throw AuthZenRequests.invalid("'page.token' does not belong to this request; repeat the request unchanged");
        }
        try {
            return new PageCursor(Long.parseLong(parts[0]), page.limit());
        } catch (NumberFormatException malformed) {
            throw AuthZenRequests.invalid("'page.token' is not a token this server issued");
        }
    }

    static String token(long offset, JsonNode request) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((offset + ":" + fingerprint(request)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A digest of the request without its page token: every other member must stay the same between
     * pages. The members of every object are taken in name order, since the specification forbids
     * assuming an order of JSON object members: the same request written in another order is the same.
     */
    private static String fingerprint(JsonNode request) {
        // A new tree, so removing the token leaves the request as it came.
        JsonNode copy = inNameOrder(request);
        if (copy.get("page") instanceof ObjectNode page) {
            page.remove("token");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(copy.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value with the members of each of its objects, at every depth, sorted by name. */
    private static JsonNode inNameOrder(JsonNode value) {
        if (value.isObject()) {
            Map<String, JsonNode> members = new TreeMap<>();
            value.properties().forEach(member -> members.put(member.getKey(), member.getValue()));
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            members.forEach((name, member) -> sorted.set(name, inNameOrder(member)));
            return sorted;
        }
        if (value.isArray()) {
            ArrayNode items = JsonNodeFactory.instance.arrayNode(value.size());
            value.forEach(item -> items.add(inNameOrder(item)));
            return items;
        }
        return value;
    }
}
