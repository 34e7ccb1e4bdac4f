package dev.firmaccess.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenApiContractTest {

    private static final Path DOCUMENT =
            Path.of("../firm-access-provider/src/main/resources/META-INF/firm-access/openapi.yaml");
    private static final String FIRM_API = "/realms/{realm}/firm-access/api/v1";
    private static final String ADMIN_API = "/admin/realms/{realm}/firm-access";
    private static final String JSON = "application/json";

    /** The operations under /firms/{firm} of the contract, which both APIs offer. */
    private static final List<String> FIRM_SUB_RESOURCES = List.of(
            "GET /staff",
            "GET /staff/{userId}",
            "DELETE /staff/{userId}",
            "PUT /staff/{userId}/role",
            "PUT /staff/{userId}/programmatic-access",
            "GET /staff/{userId}/access",
            "PUT /staff/{userId}/access",
            "POST /staff/{userId}/access/assign-all",
            "GET /staff/{userId}/access/explain",
            "GET /businesses",
            "POST /businesses",
            "GET /businesses/{businessId}",
            "PUT /businesses/{businessId}",
            "DELETE /businesses/{businessId}",
            "POST /businesses/{businessId}/archive",
            "POST /businesses/{businessId}/restore",
            "GET /businesses/{businessId}/grants",
            "PUT /businesses/{businessId}/grants/users/{userId}",
            "DELETE /businesses/{businessId}/grants/users/{userId}",
            "PUT /businesses/{businessId}/grants/teams/{teamId}",
            "DELETE /businesses/{businessId}/grants/teams/{teamId}",
            "POST /grants",
            "POST /grants/revoke",
            "GET /teams",
            "POST /teams",
            "GET /teams/{teamId}",
            "PUT /teams/{teamId}",
            "DELETE /teams/{teamId}",
            "GET /teams/{teamId}/members",
            "PUT /teams/{teamId}/members/{userId}",
            "DELETE /teams/{teamId}/members/{userId}",
            "GET /teams/{teamId}/grants",
            "GET /audit");

    private static final String STAFF = """
            {"userId": "u1", "username": "alice", "email": "alice@example.com", "firstName": "Alice",
             "lastName": null, "role": "admin", "roleLabel": "PartnerAdmin", "programmaticAccess": false,
             "teams": [{"id": "t1", "name": "Payroll"}], "businessCount": 3}""";

    private final OpenApiContract contract = OpenApiContract.load(DOCUMENT);

    private void assertConforming(String method, String path, int status, String contentType, String body) {
        assertThatCode(() -> contract.assertResponseConforms(method, path, status, contentType, body))
                .doesNotThrowAnyException();
    }

    /** The contract's refusal of the reply, for a look at its message. */
    private AbstractThrowableAssert<?, ? extends Throwable> assertNonConforming(String method, String path, int status,
            String contentType, String body) {
        return assertThatThrownBy(() -> contract.assertResponseConforms(method, path, status, contentType, body))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void documentsEveryOperationOfTheAccessCore() {
        List<String> expected = new ArrayList<>(List.of(
                "GET " + FIRM_API + "/openapi.yaml",
                "GET " + FIRM_API + "/firms",
                "GET " + FIRM_API + "/firms/{firm}",
                "GET " + ADMIN_API + "/firms",
                "GET " + ADMIN_API + "/settings",
                "PUT " + ADMIN_API + "/settings"));
        for (String base : List.of(FIRM_API, ADMIN_API)) {
            FIRM_SUB_RESOURCES.stream()
                    .map(operation -> operation.replaceFirst(" ", " " + base + "/firms/{firm}"))
                    .forEach(expected::add);
        }

        assertThat(contract.operations()).containsAll(expected);
    }

    @Test
    void acceptsADocumentedStaffMember() {
        assertConforming("GET",
                "/realms/acme/firm-access/api/v1/firms/f1/staff/u1", 200, "application/json;charset=UTF-8", STAFF);
        assertConforming("get",
                "/admin/realms/acme/firm-access/firms/f1/staff?max=5", 200, JSON, "[" + STAFF + "]");
    }

    @Test
    void rejectsAnUndocumentedField() {
        String withPassword = STAFF.replace("\"businessCount\"", "\"password\": \"secret\", \"businessCount\"");

        assertNonConforming("GET",
                "/realms/acme/firm-access/api/v1/firms/f1/staff/u1", 200, JSON, withPassword)
                .hasMessageContaining("GET " + FIRM_API + "/firms/{firm}/staff/{userId}")
                .hasMessageContaining("password");
    }

    @Test
    void rejectsAMissingRequiredField() {
        String withoutRole = STAFF.replace("\"role\": \"admin\",", "");

        assertNonConforming("GET",
                "/realms/acme/firm-access/api/v1/firms/f1/staff/u1", 200, JSON, withoutRole)
                .hasMessageContaining("role");
    }

    @Test
    void rejectsAnUndocumentedStatus() {
        assertNonConforming("GET",
                "/realms/acme/firm-access/api/v1/firms/f1/staff/u1", 409, JSON,
                "{\"error\": \"conflict\", \"error_description\": \"x\"}")
                .hasMessageContaining("409")
                .hasMessageContaining("status not documented");
    }

    @Test
    void acceptsTheErrorShapeOnProtectedEndpoints() {
        String unauthorized = "{\"error\": \"invalid_token\", \"error_description\": \"A bearer token is required\","
                + " \"code\": \"invalid_token\"}";

        assertConforming("PUT",
                "/admin/realms/acme/firm-access/firms/f1/staff/u1/role", 401, JSON, unauthorized);
        assertNonConforming("PUT",
                "/admin/realms/acme/firm-access/firms/f1/staff/u1/role", 401, JSON, "{\"error\": \"invalid_token\"}")
                .hasMessageContaining("error_description");
    }

    @Test
    void allowsAnEmptyBodyOnlyWhereNoneIsDocumented() {
        String path = "/realms/acme/firm-access/api/v1/firms/f1/teams/t1/members/u1";

        assertConforming("DELETE", path, 204, null, "");
        assertNonConforming("DELETE", path, 204, JSON, "{}");
        assertNonConforming("GET",
                "/realms/acme/firm-access/api/v1/firms/f1/teams/t1", 200, JSON, "");
    }

    @Test
    void rejectsUndocumentedPathsAndMethods() {
        assertNonConforming("GET",
                "/realms/acme/firm-access/api/v1/firms/f1/secrets", 200, JSON, "[]");
        assertNonConforming("PATCH",
                "/realms/acme/firm-access/api/v1/firms/f1/teams/t1", 200, JSON, "{}");
    }

    @Test
    void servesTheDocumentAsYamlWithoutAuthentication() {
        assertConforming("GET", "/realms/acme/firm-access/api/v1/openapi.yaml",
                200, "application/yaml", "openapi: 3.1.0\n");
    }

    @Test
    void prefersLiteralSegmentsOverTemplates(@TempDir Path dir) throws IOException {
        Path yaml = SmallDocuments.write(dir, """
                paths:
                  /things/{id}:
                    get:
                      responses:
                        "200": {description: one, content: {application/json: {schema: {type: object}}}}
                  /things/latest:
                    get:
                      responses:
                        "200": {description: list, content: {application/json: {schema: {type: array}}}}
                """);
        OpenApiContract things = OpenApiContract.load(yaml);

        assertThatCode(() -> things.assertResponseConforms("GET", "/things/latest", 200, JSON, "[]"))
                .doesNotThrowAnyException();
        assertThatCode(() -> things.assertResponseConforms("GET", "/things/t1", 200, JSON, "{}"))
                .doesNotThrowAnyException();
    }

    @Test
    void readsTheDocumentShippedInTheProviderJar(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("provider.jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(OpenApiContract.JAR_ENTRY));
            zip.write(Files.readAllBytes(DOCUMENT));
            zip.closeEntry();
        }

        assertThat(OpenApiContract.fromProviderJar(jar).operations()).isEqualTo(contract.operations());
    }

    @Test
    void refusesADocumentWithAMisspeltSchemaKeyword(@TempDir Path dir) throws IOException {
        Path yaml = SmallDocuments.write(dir, """
                paths: {}
                components:
                  schemas:
                    Thing: {type: object, additionalProperty: false}
                """);

        assertThatThrownBy(() -> OpenApiContract.load(yaml)).hasMessageContaining("additionalProperty");
    }

    @Test
    void holdsAPostedWebhookBodyToItsSchemaAndItsExampleToo(@TempDir Path dir) throws IOException {
        Path yaml = SmallDocuments.write(dir, """
                paths: {}
                webhooks:
                  thingChanged:
                    post:
                      requestBody:
                        content:
                          application/json:
                            example: {name: t1}
                            schema:
                              type: object
                              required: [name, after]
                              properties: {name: {type: string}, after: {type: [object, 'null']}}
                      responses:
                        '200': {description: received}
                """);
        OpenApiContract webhooks = OpenApiContract.load(yaml);

        assertThatCode(() -> webhooks.assertWebhookConforms("thingChanged", "{\"name\": \"t1\", \"after\": null}"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> webhooks.assertWebhookConforms("thingChanged", "{\"name\": \"t1\"}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("after");
        assertThat(webhooks.webhookExample("thingChanged").get("name").asText()).isEqualTo("t1");
        assertThat(webhooks.exampleProblems(false)).singleElement().asString()
                .contains("/webhooks/thingChanged/post/requestBody", "after");
    }

    @Test
    void documentsNotFoundInTheErrorShapeUnderBothBases() {
        String notFound = "{\"error\": \"not_found\", \"error_description\": \"Firm not found\", \"code\": \"not_found\"}";

        Stream.of(FIRM_API, ADMIN_API).forEach(base -> assertConforming(
                "GET", base.replace("{realm}", "acme") + "/firms/f1/audit", 404, JSON, notFound));
    }
}
