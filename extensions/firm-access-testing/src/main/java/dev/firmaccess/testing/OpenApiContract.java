package dev.firmaccess.testing;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.DisallowUnknownKeywordFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The OpenAPI 3.1 document of the firm-access APIs, used as a contract that tests hold real responses
 * to: a response whose status is not documented for its operation, or whose JSON body does not
 * validate against the documented schema, fails the test.
 */
public final class OpenApiContract {

    /** Where the provider jar ships the document. */
    public static final String JAR_ENTRY = "META-INF/firm-access/openapi.yaml";

    private static final List<String> METHODS =
            List.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    /**
     * Keywords that validate nothing: those of the OpenAPI 3.1 base vocabulary, legal in schemas, and the
     * fields of the OpenAPI object, because the whole document is the schema resource that $refs resolve in.
     */
    private static final List<String> NON_VALIDATION_KEYWORDS = List.of(
            "discriminator", "xml", "externalDocs", "example",
            "openapi", "info", "jsonSchemaDialect", "servers", "paths", "webhooks", "components", "security", "tags");

    /** Only names the document for the validator; every $ref in it is local, so nothing is fetched. */
    private static final String DOCUMENT_IRI = "urn:firm-access:openapi";

    private static final int BODY_EXCERPT_CHARS = 600;

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final List<Route> routes = new ArrayList<>();
    private final Map<List<String>, JsonSchema> schemasByPointer = new HashMap<>();
    private final JsonSchema root;

    private OpenApiContract(JsonNode document) {
        this.document = document;
        String version = document.path("openapi").asText("");
        // The validator treats schemas as JSON Schema 2020-12, which is what OpenAPI 3.1 (and only 3.1) uses.
        if (!version.startsWith("3.1.")) {
            throw new IllegalArgumentException("Not an OpenAPI 3.1 document: openapi is '" + version + "'");
        }
        root = schemaFactory().getSchema(SchemaLocation.of(DOCUMENT_IRI), document,
                SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).preloadJsonSchema(false).build());
        for (Located pathItem : children(Located.root(document).child("paths"))) {
            routes.add(Route.of(pathItem.name(), pathItem, document));
        }
        compileSchemas();
    }

    public static OpenApiContract load(Path yamlFile) {
        try {
            return parse(Files.readString(yamlFile), yamlFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the document the provider jar actually ships, rather than the one in the source tree. */
    public static OpenApiContract fromProviderJar(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(JAR_ENTRY);
            if (entry == null) {
                throw new AssertionError(jar + " does not contain " + JAR_ENTRY);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), jar + "!/" + JAR_ENTRY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OpenApiContract parse(String yaml, String source) {
        try {
            return new OpenApiContract(YAML.readTree(yaml));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not valid YAML: " + source + ": " + e.getMessage(), e);
        }
    }

    /** Every documented operation as {@code "METHOD /path/{template}"}, in document order. */
    public Set<String> operations() {
        Set<String> operations = new LinkedHashSet<>();
        for (Route route : routes) {
            route.operations().keySet().forEach(method -> operations.add(describe(method, route.template())));
        }
        return Collections.unmodifiableSet(operations);
    }

    /**
     * Fails unless the document allows this response.
     *
     * @param concretePath the request path without scheme and host; a query string is ignored
     * @param contentType  the Content-Type header of the response, or null when it has none
     * @param body         the response body, or null or empty when it has none
     */
    public void assertResponseConforms(String method, String concretePath, int status, String contentType,
            String body) {
        String verb = method.toLowerCase(Locale.ROOT);
        Route route = routeFor(concretePath)
                .orElseThrow(() -> new AssertionError("No documented path matches " + concretePath));
        Located operation = route.operations().get(verb);
        if (operation == null) {
            throw new AssertionError("Undocumented operation " + describe(verb, concretePath)
                    + "; documented methods of " + route.template() + ": " + route.operations().keySet());
        }
        Response response = new Response(describe(verb, route.template()), status, body);
        Located documented = documentedResponse(operation, status)
                .orElseThrow(() -> response.failure("status not documented; documented: "
                        + fieldNames(operation.child("responses").node())));
        Located content = documented.child("content");
        boolean bodyless = body == null || body.isEmpty();
        if (content.node().isEmpty()) {
            if (!bodyless) {
                throw response.failure("the documented response has no body, but there is one");
            }
            return;
        }
        if (bodyless) {
            throw response.failure("the documented response has a body, but there is none");
        }
        String mediaType = mediaType(contentType);
        if (!content.node().has(mediaType)) {
            throw response.failure("Content-Type '" + contentType + "' not documented; documented: "
                    + fieldNames(content.node()));
        }
        if (isJson(mediaType)) {
            JsonSchema schema = schemasByPointer.get(content.child(mediaType).child("schema").pointer());
            Set<ValidationMessage> errors = schema.validate(readJson(body, response));
            if (!errors.isEmpty()) {
                throw response.failure("the body does not match the schema:\n  " + errors.stream()
                        .map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("\n  ")));
            }
        }
    }

    /**
     * Fails unless a body the server posted to a subscriber validates against the request body schema
     * of the document's webhook of that name, e.g. {@code accessEvent}.
     */
    public void assertWebhookConforms(String webhook, String body) {
        JsonNode posted;
        try {
            posted = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("The " + webhook + " body is not JSON: " + e.getOriginalMessage() + "\n  body: "
                    + body);
        }
        Set<ValidationMessage> errors = schemaAt(webhookBody(webhook).child("schema")).validate(posted);
        if (!errors.isEmpty()) {
            throw new AssertionError("The " + webhook + " body does not match the schema:\n  " + errors.stream()
                    .map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("\n  ")) + "\n  body: "
                    + body);
        }
    }

    /** The example body the document shows for its webhook of that name. */
    public JsonNode webhookExample(String webhook) {
        return webhookBody(webhook).node().path("example");
    }

    private Located webhookBody(String webhook) {
        Located body = Located.root(document).child("webhooks").child(webhook).child("post").child("requestBody")
                .resolved(document).child("content").child("application/json");
        if (body.node().isMissingNode()) {
            throw new AssertionError("No JSON request body of a webhook '" + webhook + "' is documented");
        }
        return body;
    }

    private Optional<Route> routeFor(String concretePath) {
        List<String> segments = segments(concretePath.split("[?#]", 2)[0]);
        return routes.stream()
                .filter(route -> route.matches(segments))
                .min(Comparator.comparing(Route::specificity));
    }

    private Optional<Located> documentedResponse(Located operation, int status) {
        Located responses = operation.child("responses");
        for (String key : List.of(Integer.toString(status), "default")) {
            if (responses.node().has(key)) {
                return Optional.of(responses.child(key).resolved(document));
            }
        }
        return Optional.empty();
    }

    /** Compiles every schema up front, so that a broken $ref or keyword fails loading, not a later test. */
    private void compileSchemas() {
        List<Located> schemas = new ArrayList<>(children(Located.root(document).child("components").child("schemas")));
        for (Route route : routes) {
            for (Located operation : route.operations().values()) {
                for (Located response : children(operation.child("responses"))) {
                    for (Located mediaType : children(response.resolved(document).child("content"))) {
                        if (isJson(mediaType.name())) {
                            schemas.add(mediaType.child("schema"));
                        }
                    }
                }
            }
        }
        schemas.forEach(this::schemaAt);
    }

    private JsonSchema schemaAt(Located schema) {
        return schemasByPointer.computeIfAbsent(schema.pointer(), pointer -> {
            JsonNodePath path = new JsonNodePath(PathType.JSON_POINTER);
            for (String segment : pointer) {
                path = path.append(segment);
            }
            JsonSchema compiled = root.getSubSchema(path);
            compiled.initializeValidators();
            return compiled;
        });
    }

    /**
     * The operationId of every distinct operation by its place in the document, {@code null} where
     * it has none. A path item shared by both APIs through {@code $ref} is one operation.
     */
    public Map<String, String> operationIds() {
        Map<String, String> ids = new LinkedHashMap<>();
        for (Route route : routes) {
            route.operations().values().forEach(operation ->
                    ids.put("/" + String.join("/", operation.pointer()), operation.node().path("operationId").textValue()));
        }
        return ids;
    }

    /**
     * The JSON request bodies and success responses whose {@code example} is missing or refused by
     * its own schema, as "where: problem"; with {@code examplesRequired} false only refused ones.
     */
    public List<String> exampleProblems(boolean examplesRequired) {
        Map<List<String>, Located> mediaTypes = new LinkedHashMap<>();
        for (Route route : routes) {
            for (Located operation : route.operations().values()) {
                children(operation.child("requestBody").resolved(document).child("content"))
                        .forEach(mediaType -> mediaTypes.put(mediaType.pointer(), mediaType));
                for (Located response : children(operation.child("responses"))) {
                    if (response.name().startsWith("2")) {
                        children(response.resolved(document).child("content"))
                                .forEach(mediaType -> mediaTypes.put(mediaType.pointer(), mediaType));
                    }
                }
            }
        }
        // What the server posts to subscribers is documented as webhooks: their examples count too.
        for (Located webhook : children(Located.root(document).child("webhooks"))) {
            children(webhook.child("post").child("requestBody").resolved(document).child("content"))
                    .forEach(mediaType -> mediaTypes.put(mediaType.pointer(), mediaType));
        }
        List<String> problems = new ArrayList<>();
        for (Located mediaType : mediaTypes.values()) {
            if (!isJson(mediaType.name())) {
                continue;
            }
            String where = "/" + String.join("/", mediaType.pointer());
            JsonNode example = mediaType.node().get("example");
            if (example == null) {
                if (examplesRequired) {
                    problems.add(where + ": no example");
                }
                continue;
            }
            schemaAt(mediaType.child("schema")).validate(example).forEach(error ->
                    problems.add(where + ": the example does not match the schema: " + error.getMessage()));
        }
        return problems;
    }

    private static List<Located> children(Located parent) {
        List<Located> children = new ArrayList<>();
        parent.node().fieldNames().forEachRemaining(name -> children.add(parent.child(name)));
        return children;
    }

    /** Draft 2020-12 as in OpenAPI 3.1, except that unknown keywords are errors: a misspelt one would check nothing. */
    private static JsonSchemaFactory schemaFactory() {
        JsonMetaSchema dialect = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                .unknownKeywordFactory(DisallowUnknownKeywordFactory.getInstance())
                .keywords(NON_VALIDATION_KEYWORDS.stream().map(NonValidationKeyword::new).toList())
                .build();
        return JsonSchemaFactory.builder()
                .metaSchema(dialect)
                .defaultMetaSchemaIri(dialect.getIri())
                .build();
    }

    private static JsonNode readJson(String body, Response response) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw response.failure("the body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static List<String> segments(String path) {
        return Arrays.asList(path.split("/", -1));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String describe(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    /** A node of the document with its JSON pointer, which the validator needs to find sub-schemas. */
    private record Located(List<String> pointer, JsonNode node) {

        static Located root(JsonNode document) {
            return new Located(List.of(), document);
        }

        String name() {
            return pointer.get(pointer.size() - 1);
        }

        Located child(String name) {
            List<String> childPointer = new ArrayList<>(pointer);
            childPointer.add(name);
            return new Located(List.copyOf(childPointer), node.path(name));
        }

        /** Follows OpenAPI $refs (path items, responses); schema $refs are the validator's business. */
        Located resolved(JsonNode document) {
            JsonNode ref = node.get("$ref");
            if (ref == null) {
                return this;
            }
            String target = ref.asText();
            if (!target.startsWith("#/")) {
                throw new IllegalArgumentException("Only local $refs are supported: " + target);
            }
            JsonNode found = document.at(JsonPointer.compile(target.substring(1)));
            if (found.isMissingNode()) {
                throw new IllegalArgumentException("Unresolved $ref " + target);
            }
            List<String> targetPointer = Arrays.stream(target.substring(2).split("/", -1))
                    .map(segment -> segment.replace("~1", "/").replace("~0", "~"))
                    .toList();
            return new Located(targetPointer, found).resolved(document);
        }
    }

    /** A documented path, its template split into segments, and its operations by lower-case method. */
    private record Route(String template, List<String> segments, Map<String, Located> operations) {

        static Route of(String template, Located pathItem, JsonNode document) {
            Located item = pathItem.resolved(document);
            Map<String, Located> operations = new LinkedHashMap<>();
            for (String method : METHODS) {
                if (item.node().has(method)) {
                    operations.put(method, item.child(method));
                }
            }
            return new Route(template, OpenApiContract.segments(template), operations);
        }

        boolean matches(List<String> concrete) {
            if (concrete.size() != segments.size()) {
                return false;
            }
            for (int i = 0; i < segments.size(); i++) {
                boolean parameter = isParameter(segments.get(i));
                if (parameter ? concrete.get(i).isEmpty() : !segments.get(i).equals(concrete.get(i))) {
                    return false;
                }
            }
            return true;
        }

        /** Sorts literal segments before parameters, left to right, so that literal paths win. */
        String specificity() {
            return segments.stream().map(segment -> isParameter(segment) ? "1" : "0").collect(Collectors.joining());
        }

        private static boolean isParameter(String segment) {
            return segment.startsWith("{") && segment.endsWith("}");
        }
    }

    /** The response under test, for failure messages that show what was checked against what. */
    private record Response(String operation, int status, String body) {

        AssertionError failure(String problem) {
            String excerpt = body == null ? "" : body.length() <= BODY_EXCERPT_CHARS
                    ? body : body.substring(0, BODY_EXCERPT_CHARS) + "...";
            return new AssertionError(operation + " answered " + status + ": " + problem + "\n  body: " + excerpt);
        }
    }
}
