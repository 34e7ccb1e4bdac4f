package dev.firmaccess.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What app developers generating a client from the OpenAPI document rely on: a stable name for
 * every operation, examples that their own schemas accept, and the realm's discovery document as
 * the security scheme. The module firm-access-client generates and compiles a Java client from it.
 */
class OpenApiForGeneratorsTest {

    /** The access evaluation API, where a body that is not declared JSON is a 400 as the AuthZEN specification asks. */
    private static final String AUTHZEN_PATHS = "/firm-access/access/v1/";

    private static final Path DOCUMENT =
            Path.of("../firm-access-provider/src/main/resources/META-INF/firm-access/openapi.yaml");

    private final OpenApiContract contract = OpenApiContract.load(DOCUMENT);

    @Test
    void everyOperationHasItsOwnOperationId() {
        Map<String, String> ids = contract.operationIds();

        assertThat(ids.entrySet()).as("operations without operationId")
                .filteredOn(entry -> entry.getValue() == null).isEmpty();
        Map<String, Long> counts = ids.values().stream().filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(counts).as("operationIds used by more than one operation").allSatisfy((id, count) ->
                assertThat(count).as(id).isEqualTo(1L));
        assertThat(ids.values()).as("operationIds are method names")
                .allMatch(id -> id == null || id.matches("[a-z][A-Za-z0-9]*"));
    }

    @Test
    void everyJsonRequestBodyAndSuccessResponseHasAnExampleItsSchemaAccepts() {
        assertThat(contract.exampleProblems(true)).isEmpty();
    }

    @Test
    void anExampleItsSchemaRefusesIsReported(@TempDir Path dir) throws IOException {
        Path yaml = SmallDocuments.write(dir, """
                paths:
                  /things:
                    get:
                      operationId: listThings
                      responses:
                        '200':
                          description: the things
                          content:
                            application/json:
                              schema: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                              example: [{name: 7}]
                    post:
                      operationId: createThing
                      requestBody:
                        content:
                          application/json:
                            schema: {$ref: '#/components/schemas/Thing'}
                      responses:
                        '204': {description: created}
                components:
                  schemas:
                    Thing: {type: object, properties: {name: {type: string}}}
                """);
        OpenApiContract document = OpenApiContract.load(yaml);

        List<String> refused = document.exampleProblems(false);
        List<String> all = document.exampleProblems(true);

        assertThat(refused).singleElement().asString().contains("/things/get/responses/200", "name");
        assertThat(all).hasSize(2).anyMatch(problem -> problem.contains("requestBody") && problem.endsWith("no example"));
    }

    /**
     * The refusals every operation can meet before its own rules run: a malformed request (400),
     * a body over the size limit (413) and a body that is not JSON (415), except on the AuthZEN
     * endpoints, whose specification makes a body of another type a 400. The fuzz test checks
     * answers of randomly picked operations against the document, so one missing entry would make
     * it fail only on the runs that pick that operation.
     */
    @Test
    void everyOperationDocumentsTheRefusalsOfItsRequestShape() throws IOException {
        JsonNode document = new YAMLMapper().readTree(DOCUMENT.toFile());
        JsonNode sharedPathItems = document.path("components").path("pathItems");
        List<String> missing = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> {
            JsonNode pathItem = path.getValue().has("$ref")
                    ? sharedPathItems.path(path.getValue().path("$ref").asText().replace("#/components/pathItems/", ""))
                    : path.getValue();
            pathItem.fields().forEachRemaining(operation ->
                    missing.addAll(missingRefusals(operation.getKey(), path.getKey(), operation.getValue())));
        });

        assertThat(missing).as("operations missing a documented refusal").isEmpty();
    }

    private static List<String> missingRefusals(String method, String path, JsonNode operation) {
        if (!List.of("get", "post", "put", "patch", "delete").contains(method)) {
            return List.of();
        }
        JsonNode responses = operation.path("responses");
        String where = method.toUpperCase(Locale.ROOT) + " " + path + " ";
        List<String> missing = new ArrayList<>();
        if (!responses.has("400")) {
            missing.add(where + 400);
        }
        if (!"get".equals(method) && !responses.has("413")) {
            missing.add(where + 413);
        }
        if (operation.has("requestBody") && !path.contains(AUTHZEN_PATHS) && !responses.has("415")) {
            missing.add(where + 415);
        }
        return missing;
    }

    @Test
    void offersTheRealmsDiscoveryDocumentBesideTheBearerScheme() throws IOException {
        JsonNode document = new YAMLMapper().readTree(DOCUMENT.toFile());
        JsonNode schemes = document.path("components").path("securitySchemes");

        assertThat(schemes.path("bearerAuth").path("scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.path("openIdConnect").path("type").asText()).isEqualTo("openIdConnect");
        assertThat(schemes.path("openIdConnect").path("openIdConnectUrl").asText())
                .isEqualTo("/realms/{realm}/.well-known/openid-configuration");
        assertThat(document.path("security").toString()).isEqualTo("[{\"bearerAuth\":[]},{\"openIdConnect\":[]}]");
    }
}
