package dev.firmaccess.it.fuzz;

import static dev.firmaccess.it.support.Replies.assertStatus;
import static dev.firmaccess.it.support.Replies.totalCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.it.support.FirmFixture;
import dev.firmaccess.it.support.FirmSetup;
import dev.firmaccess.it.support.Person;
import dev.firmaccess.it.support.TextBody;
import dev.firmaccess.testing.HttpJson.Reply;
import dev.firmaccess.testing.OpenApiContract;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.WithSharedServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Thousands of requests no server may accept, over every operation of the OpenAPI document, as an
 * owner, a member and nobody: none gets a 5xx, every reply is one the document allows (errors in
 * the documented shape), none of the writing ones succeeds, and no row is added or removed. The
 * seed is printed first; {@code -Dfirm-access.fuzz.seed=N} replays a run, and
 * {@code -Dfirm-access.fuzz.requests=N} sets how many requests each operation gets per caller.
 */
@WithSharedServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzIT {

    private static final long SEED = Long.getLong("firm-access.fuzz.seed", System.nanoTime());
    private static final int REQUESTS_PER_OPERATION_AND_CALLER = Integer.getInteger("firm-access.fuzz.requests", 8);
    private static final int FAILURES_SHOWN = 40;

    private FirmFixture fixture;
    private FirmSetup setup;
    private Map<String, String> realIds;

    @BeforeAll
    void setUp(TestEnvironment env) {
        fixture = FirmFixture.create(env, "fuzz");
        setup = fixture.setup();
        realIds = Map.of(
                "realm", setup.realm().name(),
                "firm", fixture.firm().id(),
                "userId", fixture.subject().id(),
                "businessId", fixture.sharedBusiness(),
                "teamId", fixture.team(),
                "invitationId", setup.invitation(fixture.firm(), "fuzz-invitee@example.test"),
                "membershipId", pendingPortalOwner(),
                "keyId", setup.connectionKey(fixture.firm(), fixture.subject(), "Fuzz key"));
    }

    @Test
    void malformedRequestsGetNoServerErrorOnlyDocumentedRefusalsAndChangeNothing() {
        System.out.println("FuzzIT seed " + SEED + " (replay with -Dfirm-access.fuzz.seed=" + SEED + ")");
        Set<String> operations = OpenApiContract.fromProviderJar(TestEnvironment.providerJar()).operations();
        MalformedRequests requests = new MalformedRequests(SEED, realIds);
        Map<String, Long> before = rowCounts();
        List<String> failures = new ArrayList<>();
        int sent = 0;

        for (String operation : operations) {
            for (Map.Entry<String, Person> caller : callers().entrySet()) {
                for (int i = 0; i < REQUESTS_PER_OPERATION_AND_CALLER; i++) {
                    MalformedRequests.Request request = requests.next(operation);
                    String problem = problem(request, caller.getValue());
                    sent++;
                    if (problem != null) {
                        failures.add(caller.getKey() + ": " + request + "\n    -> " + problem);
                    }
                }
            }
        }

        System.out.println("FuzzIT sent " + sent + " requests over " + operations.size() + " operations");
        failures.forEach(failure -> System.out.println("FuzzIT failure: " + failure));
        Map<String, Long> after = rowCounts();
        int total = sent;
        assertAll(
                () -> assertThat(failures.stream().limit(FAILURES_SHOWN).toList())
                        .as("%d of %d requests were answered wrongly (seed %d)", failures.size(), total, SEED)
                        .isEmpty(),
                () -> assertThat(after).as("row counts after the fuzz run (seed %d)", SEED).isEqualTo(before));
    }

    /** What is wrong with the reply to this request, or null when nothing is. */
    private String problem(MalformedRequests.Request request, Person caller) {
        Object body = request.body() == null ? null : new TextBody(request.contentType(), request.body());
        String token = caller == null ? null : setup.token(caller);
        Reply reply;
        try {
            reply = setup.api().send(request.method(), request.pathAndQuery(), token, body);
        } catch (AssertionError notDocumented) {
            return notDocumented.getMessage();
        }
        if (reply.status() >= 500) {
            return "server error " + excerpt(reply);
        }
        // A page may answer a form post with a documented redirect; the row counts tell whether it wrote.
        if (!request.method().equals("GET") && reply.status() < 300) {
            return "a malformed request was accepted: " + excerpt(reply);
        }
        if (reply.status() >= 400 && isJson(reply)) {
            return errorShapeProblem(reply);
        }
        return null;
    }

    private static String errorShapeProblem(Reply reply) {
        JsonNode error = reply.json();
        boolean shaped = error.isObject() && error.size() == 3 && error.path("error").isTextual()
                && !error.path("error").asText().isBlank() && error.path("error_description").isTextual()
                && error.path("code").isTextual();
        return shaped ? null : "not the error shape: " + excerpt(reply);
    }

    private static boolean isJson(Reply reply) {
        String type = reply.header("Content-Type");
        return type != null && type.startsWith("application/json");
    }

    private static String excerpt(Reply reply) {
        String text = reply.toString();
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    private Map<String, Person> callers() {
        Map<String, Person> callers = new LinkedHashMap<>();
        callers.put("owner", fixture.owner());
        callers.put("member", fixture.member());
        callers.put("anonymous", null);
        return callers;
    }

    /** How many rows of each kind the firm and the realm hold, as the realm administrator lists them. */
    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        var firm = setup.asRealmAdmin(fixture.firm());
        for (String list : List.of("/staff", "/businesses?archived=any&", "/teams", "/invitations", "/audit",
                "/portal/memberships", "/businesses/" + fixture.sharedBusiness() + "/grants",
                "/teams/" + fixture.team() + "/members")) {
            String separator = list.endsWith("&") ? "" : "?";
            counts.put(list, totalCount(assertStatus(firm.get(list + separator + "max=1"), 200)));
        }
        for (Person person : List.of(fixture.owner(), fixture.member(), fixture.subject())) {
            counts.put("keys of " + person.username(),
                    totalCount(assertStatus(firm.get("/staff/" + person.id() + "/keys?max=1"), 200)));
        }
        var keycloak = setup.keycloakAdmin();
        counts.put("realm users", assertStatus(keycloak.get("/users/count"), 200).json().asLong());
        counts.put("realm clients", (long) assertStatus(keycloak.get("/clients"), 200).json().size());
        counts.put("organizations", (long) assertStatus(keycloak.get("/organizations?max=1000"), 200).json().size());
        return counts;
    }

    private String pendingPortalOwner() {
        return assertStatus(setup.asRealmAdmin(fixture.firm()).post("/portal/invitations", Map.of(
                "businessId", fixture.sharedBusiness(), "role", "owner", "send", false,
                "invitees", List.of(Map.of("email", "fuzz-portal-owner@example.test")))), 201)
                .json().get(0).get("id").asText();
    }
}
