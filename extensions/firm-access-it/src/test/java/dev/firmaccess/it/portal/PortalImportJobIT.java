package dev.firmaccess.it.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.it.support.OwnRealmTest;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.OpenApiContract;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.WithSharedServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A CSV upload larger than the rows answered at once is accepted at once (202) and imported after
 * the request, all or nothing as ever: its status shows the phase and the rows done until it is
 * imported (with the memberships in row order) or refused (with every bad row, and nothing
 * imported); the size limits still answer at once, and another member does not see the import.
 */
@WithSharedServer
class PortalImportJobIT extends OwnRealmTest {

    private static final OpenApiContract CONTRACT = OpenApiContract.fromProviderJar(TestEnvironment.providerJar());
    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private String api;
    private String imports;
    private String ownerToken;
    private String memberToken;

    PortalImportJobIT() {
        super("portal-import-job");
    }

    @BeforeAll
    void setUp() {
        String firmId = realm.createFirm("Tally & Sons", "tally");
        setStaffRole("tally", newStaff(firmId, "otto"), "owner");
        newStaff(firmId, "mara");
        api = firmApi("tally");
        imports = api + "/portal/imports";
        ownerToken = realm.accessToken("otto");
        memberToken = realm.accessToken("mara");
        ok(documented("POST", api + "/businesses", http.post(api + "/businesses", ownerToken,
                Map.of("name", "Harbour Bakery", "externalRef", "HB-1"))));
    }

    @Test
    void fiveThousandRowsAreAcceptedAtOnceAndImportedWithProgress() {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        List<String> emails = new ArrayList<>();
        // A few guests get their mail now; the owners are pre-provisioned, within the hourly mail limits.
        String csv = csv(5000, i -> {
            emails.add("p" + i + "-" + batch + "@customer.test");
            return "HB-1," + emails.get(i) + (i % 1000 == 0 ? ",guest,true" : ",owner,false");
        });

        HttpJson.Reply accepted = upload(imports, ownerToken, csv, null);

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.json().get("state").asText()).isEqualTo("queued");
        assertThat(accepted.json().get("rowsTotal").asInt()).isEqualTo(5000);
        List<JsonNode> seen = pollUntilFinished(accepted, ownerToken);
        assertThat(seen).as("a status while it ran, part of the way")
                .anyMatch(status -> List.of("checking", "importing").contains(status.get("state").asText())
                        && status.get("rowsDone").asInt() > 0 && status.get("rowsDone").asInt() < 5000);
        JsonNode done = seen.get(seen.size() - 1);
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("imported");
        assertThat(done.get("rowsDone").asInt()).isEqualTo(5000);
        assertThat(done.get("finishedAt").asLong()).isGreaterThanOrEqualTo(done.get("createdAt").asLong());
        List<String> imported = new ArrayList<>();
        done.get("memberships").forEach(membership -> imported.add(membership.get("email").asText()));
        assertThat(imported).isEqualTo(emails);
        assertThat(ok(documented("GET", api + "/portal/memberships", http.get(api + "/portal/memberships?search="
                + emails.get(4321), ownerToken))).json()).hasSize(1);
        for (int i = 0; i < 5000; i += 1000) {
            assertThat(mail.awaitMessageTo(emails.get(i), Duration.ofSeconds(30))).isNotNull();
        }
    }

    @Test
    void badRowsAreReportedEachByItsLineAndNothingIsImported() {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        String csv = csv(150, i -> (i == 90 ? "NOPE" : "HB-1") + ","
                + (i == 40 ? "not-an-email" : "r" + i + "-" + batch + "@customer.test") + ",owner,false");

        HttpJson.Reply accepted = upload(imports, ownerToken, csv, null);

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        List<JsonNode> seen = pollUntilFinished(accepted, ownerToken);
        JsonNode done = seen.get(seen.size() - 1);
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("refused");
        assertThat(done.get("error").asText()).isEqualTo("invalid_request");
        assertThat(done.get("error_description").asText()).isEqualTo("2 of 150 rows are invalid; nothing was imported");
        assertThat(done.get("rows")).hasSize(2);
        assertThat(done.get("rows").get(0).get("row").asInt()).isEqualTo(42);
        assertThat(done.get("rows").get(0).get("message").asText()).contains("not-an-email");
        assertThat(done.get("rows").get(1).get("row").asInt()).isEqualTo(92);
        assertThat(done.get("rows").get(1).get("message").asText()).contains("NOPE");
        assertThat(done.has("memberships")).isFalse();
        assertThat(ok(http.get(api + "/portal/memberships?search=" + batch, ownerToken)).json()).isEmpty();
    }

    @Test
    void aSmallUploadAskingForAsyncGetsItsStatusToo() {
        HttpJson.Reply accepted = upload(imports, ownerToken, oneOwner("solo"), "respond-async");

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.header("Preference-Applied")).isEqualTo("respond-async");
        List<JsonNode> seen = pollUntilFinished(accepted, ownerToken);
        assertThat(seen.get(seen.size() - 1).get("state").asText()).isEqualTo("imported");
    }

    /** A realm administrator's rights come from the request's token: their upload is imported within it. */
    @Test
    void aRealmAdministratorsUploadIsImportedWithinTheRequest() {
        String email = "by-admin-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test";
        String path = adminFirmApi("tally") + "/portal/imports";

        HttpJson.Reply imported = upload(path, realm.adminToken(),
                "business,email,role,send\nHB-1," + email + ",owner,false\n", "respond-async");

        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.header("Preference-Applied")).isNull();
        assertThat(imported.json().get(0).get("email").asText()).isEqualTo(email);
    }

    @Test
    void theLimitsStillAnswerAtOnceAndNothingIsStarted() {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        String csv = csv(5001, i -> "HB-1,l" + i + "-" + batch + "@customer.test,owner,false");

        HttpJson.Reply refused = upload(imports, ownerToken, csv, null);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(refused.json().get("error_description").asText()).contains("5000");
        assertThat(refused.header("Location")).isNull();
        assertThat(ok(http.get(api + "/portal/memberships?search=" + batch, ownerToken)).json()).isEmpty();
    }

    @Test
    void anotherMemberDoesNotSeeTheImportAndAnUnknownIdIsNotFound() {
        HttpJson.Reply accepted = upload(imports, ownerToken, oneOwner("hidden"), "respond-async");
        String status = URI.create(accepted.header("Location")).getRawPath();

        assertThat(documented("GET", status, http.get(status, memberToken)).status()).isEqualTo(404);
        String unknown = api + "/portal/imports/" + UUID.randomUUID();
        assertThat(documented("GET", unknown, http.get(unknown, ownerToken)).status()).isEqualTo(404);
    }

    /** Every status of the import from its 202 answer on, polled (with a bound) until it has finished. */
    private List<JsonNode> pollUntilFinished(HttpJson.Reply accepted, String token) {
        return pollUntilFinished(accepted, token, imports);
    }

    private List<JsonNode> pollUntilFinished(HttpJson.Reply accepted, String token, String imports) {
        String status = URI.create(accepted.header("Location")).getRawPath();
        assertThat(status).isEqualTo(imports + "/" + accepted.json().get("id").asText());
        List<JsonNode> seen = new ArrayList<>(List.of(accepted.json()));
        Predicate<JsonNode> finished = node -> node.has("finishedAt");
        long deadline = System.nanoTime() + IMPORT_TIMEOUT.toNanos();
        while (!finished.test(seen.get(seen.size() - 1))) {
            assertThat(System.nanoTime()).as("the import finished within %s; last %s", IMPORT_TIMEOUT,
                    seen.get(seen.size() - 1)).isLessThan(deadline);
            LockSupport.parkNanos(POLL_INTERVAL.toNanos());
            seen.add(ok(documented("GET", status, http.get(status, token))).json());
        }
        return seen;
    }

    /** An upload with the header business,email,role,send and the given number of rows, the i-th from {@code row}. */
    private static String csv(int rows, IntFunction<String> row) {
        StringBuilder csv = new StringBuilder("business,email,role,send\n");
        for (int i = 0; i < rows; i++) {
            csv.append(row.apply(i)).append('\n');
        }
        return csv.toString();
    }

    /** An upload of one pre-provisioned owner, whose address starts with {@code name}. */
    private static String oneOwner(String name) {
        return "business,email,role,send\nHB-1," + name + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "@customer.test,owner,false\n";
    }

    private HttpJson.Reply upload(String path, String token, String csv, String prefer) {
        HttpRequest.Builder request = http.request(path, token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8));
        if (prefer != null) {
            request.header("Prefer", prefer);
        }
        return documented("POST", path, http.send(request));
    }

    /** Every answer of the firm API must be one the OpenAPI document allows. */
    private static HttpJson.Reply documented(String method, String path, HttpJson.Reply reply) {
        CONTRACT.assertResponseConforms(method, path.replaceAll("\\?.*", ""), reply.status(),
                reply.header("Content-Type"), reply.body());
        return reply;
    }

    private static HttpJson.Reply ok(HttpJson.Reply reply) {
        assertThat(reply.status() / 100).as(reply.toString()).isEqualTo(2);
        return reply;
    }
}
