package dev.firmaccess.it.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes requests that no server may accept, from a seed: the same seed gives the same requests.
 * Bodies are malformed, oversized, deeply nested or wrongly typed JSON; every field a body names
 * holds a value the field cannot take (so a body is invalid whichever fields the operation reads);
 * ids are unicode-heavy strings no object has; query parameters are out of range or garbage.
 *
 * <p>Real ids (those passed in) are used only where the request cannot write even if its body
 * were ignored: reads other than copying a link, and replacements whose body cannot be parsed.
 */
final class MalformedRequests {

    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");

    /** Strings meant to trip decoders, normalisers and length checks; none is a valid id, role or level. */
    private static final List<String> UNICODE = List.of(
            "\u0000", "\u202Eadmin", "o\u0308wner", "\uD83D\uDE00\uD83D\uDE00", "\uFEFFmember", "ﬀull", "ıd",
            "\u0130", "K", "ſ", "..%2F..", "../../realms", "%00", "%ZZ", "'; DROP TABLE fa_business; --",
            "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "\r\nX-Injected: 1", "null", "[]",
            "\u0085\u2028\u2029", "\u00A0", "\uFFFF", "é".repeat(300), "𝔘𝔫𝔦𝔠𝔬𝔡𝔢");

    /** Names of fields the operations read, each given a value of the wrong type or out of its domain. */
    private static final List<String> FIELDS = List.of(
            "name", "role", "level", "enabled", "grants", "invitees", "email", "businessId", "userId",
            "subjectType", "subjectId", "send", "teamIds", "firstName", "lastName", "message", "subject",
            "resource", "action", "context", "evaluations", "options", "page", "businessIds", "externalRef");

    /** The fields whose values are free text: they get no string at all, since any string might be valid. */
    private static final List<String> FREE_TEXT = List.of("name", "email", "firstName", "lastName", "message",
            "externalRef");

    private static final List<String> QUERY_NAMES = List.of("max", "first", "archived", "from", "to", "status",
            "search", "businessId", "userId", "type", "action");

    private final Random random;
    private final Map<String, String> realIds;

    /**
     * @param realIds for each path parameter name, a real id of the fixture (at least realm and firm)
     */
    MalformedRequests(long seed, Map<String, String> realIds) {
        this.random = new Random(seed);
        this.realIds = realIds;
    }

    /** One request against the documented operation {@code "METHOD /template"}. */
    Request next(String operation) {
        String method = operation.substring(0, operation.indexOf(' '));
        String template = operation.substring(operation.indexOf(' ') + 1);
        boolean reads = method.equals("GET") || method.equals("DELETE");
        Body body = reads ? maybeBody() : body();
        // A PUT whose body cannot be parsed at all writes nothing even on real objects; a parsed
        // body of wrong fields might meet an operation that defaults every field it misses.
        boolean realIdsAreSafe = method.equals("GET")
                || (method.equals("PUT") && !template.contains("/members/") && body.unparsable());
        String path = fill(template, name -> {
            if (name.equals("realm")) {
                return realIds.get("realm");
            }
            boolean real = realIds.containsKey(name) && (name.equals("firm") || realIdsAreSafe)
                    && random.nextInt(4) > 0;
            return real ? realIds.get(name) : encode(garbage());
        });
        String query = random.nextInt(3) == 0 ? "" : "?" + query();
        return new Request(method, path + query, contentType(), body.text());
    }

    private String fill(String template, Function<String, String> value) {
        Matcher parameter = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            parameter.appendReplacement(path, Matcher.quoteReplacement(value.apply(parameter.group(1))));
        }
        parameter.appendTail(path);
        return path.toString();
    }

    private String query() {
        List<String> pairs = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            String name = pick(QUERY_NAMES);
            String value = switch (random.nextInt(5)) {
                case 0 -> String.valueOf(random.nextBoolean() ? -random.nextInt(1000) - 1 : Long.MAX_VALUE);
                case 1 -> "99999999999999999999";
                case 2 -> "1e3";
                case 3 -> "x".repeat(5_000);
                default -> garbage();
            };
            pairs.add(encode(name) + "=" + encode(value));
        }
        return String.join("&", pairs);
    }

    /** Reads and deletes take no body; now and then one is sent anyway, which must not matter. */
    private Body maybeBody() {
        return random.nextInt(5) == 0 ? body() : new Body(null, true);
    }

    private Body body() {
        return switch (random.nextInt(9)) {
            case 0 -> new Body(malformed(), true);
            // An operation whose body is optional reads an empty one as "all defaults".
            case 1 -> new Body(random.nextBoolean() ? "" : " ", false);
            case 2 -> new Body(deeplyNested(), true);
            // Over the documented default of max-body-chars (2,000,000 characters).
            case 3 -> new Body("{\"name\": \"" + "N".repeat(2_100_000) + "\"}", true);
            case 4 -> new Body("{\"name\": \"" + "N".repeat(256 + random.nextInt(10_000)) + "\"}", false);
            case 5 -> new Body(pick(List.of("[]", "\"text\"", "5", "-0.5e308", "true", "null", "[{}]", "\"\"")), true);
            default -> new Body(objectOfWrongFields(), false);
        };
    }

    private String malformed() {
        return pick(List.of("{", "{\"name\": ", "{\"name\": \"x\"} trailing", "{'name': 'x'}",
                "{\"name\": \"x\",}", "{\"name\": \"\\uD800\"", "\uFEFF{}", "{\"a\":1}{\"b\":2}", "nul",
                "{\"role\": NaN}", "{\"level\": Infinity}", "{\"name\": \"unterminated}", "<xml/>",
                "\u0000\u0001\u0002", "{\"grants\": [1, 2,, 3]}"));
    }

    private String deeplyNested() {
        int depth = 2_000 + random.nextInt(50_000);
        boolean arrays = random.nextBoolean();
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        return "{\"grants\": " + open.repeat(depth) + "1" + close.repeat(depth) + "}";
    }

    private String objectOfWrongFields() {
        List<String> fields = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String field = pick(FIELDS);
            fields.add(json(field) + ": " + wrongValue(field));
        }
        return "{" + String.join(", ", fields) + "}";
    }

    private String wrongValue(String field) {
        int kind = random.nextInt(FREE_TEXT.contains(field) ? 5 : 6);
        return switch (kind) {
            case 0 -> String.valueOf(random.nextInt());
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> "[" + random.nextInt(10) + ", {}, [[]]]";
            case 3 -> "{\"" + pick(FIELDS) + "\": " + random.nextDouble() + "}";
            case 4 -> "1.5e400";
            default -> json(garbage());
        };
    }

    private String contentType() {
        return switch (random.nextInt(8)) {
            case 0 -> "text/plain";
            case 1 -> "application/json; charset=ISO-8859-1";
            case 2 -> "application/x-www-form-urlencoded";
            default -> "application/json";
        };
    }

    private String garbage() {
        StringBuilder text = new StringBuilder(pick(UNICODE));
        if (random.nextBoolean()) {
            text.append(pick(UNICODE));
        }
        return text.toString();
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A JSON string literal, escaping what JSON requires and nothing else. */
    private static String json(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                literal.append('\\').append(c);
            } else if (c < 0x20) {
                literal.append(String.format("\\u%04x", (int) c));
            } else {
                literal.append(c);
            }
        }
        return literal.append('"').toString();
    }

    /** A body, or none when its text is null; unparsable when no operation can read a value from it. */
    private record Body(String text, boolean unparsable) {
    }

    /** A request: a body of null means none; the content type is sent only with a body. */
    record Request(String method, String pathAndQuery, String contentType, String body) {

        @Override
        public String toString() {
            String shown = body == null ? "" : " " + (body.length() > 200 ? body.substring(0, 200) + "… ("
                    + body.length() + " chars)" : body);
            return method + " " + (pathAndQuery.length() > 300 ? pathAndQuery.substring(0, 300) + "…" : pathAndQuery)
                    + (body == null ? "" : " [" + contentType + "]") + shown;
        }
    }
}
