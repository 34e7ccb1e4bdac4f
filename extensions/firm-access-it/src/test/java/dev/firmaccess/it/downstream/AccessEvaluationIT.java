package dev.firmaccess.it.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.it.support.OwnRealmTest;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.WithSharedServer;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@WithSharedServer
class AccessEvaluationIT extends OwnRealmTest {

    /** Calls whose replies are held to the OpenAPI document. */
    private Downstream setup;
    private String api;
    private String evaluator;
    private final Map<String, String> users = new LinkedHashMap<>();
    private final Map<String, String> businesses = new LinkedHashMap<>();

    AccessEvaluationIT() {
        super("authzen");
    }

    @BeforeAll
    void setUp() {
        setup = new Downstream(http, realm);
        api = "/realms/" + realm.name() + "/firm-access/access/v1/";
        String acme = realm.createFirm("Acme Accounting", "acme");
        String other = realm.createFirm("Other Firm", "other");
        for (String name : List.of("olivia", "adam", "mia", "nina", "oscar")) {
            users.put(name, realm.createUser(name));
        }
        for (String name : List.of("olivia", "adam", "mia", "nina")) {
            realm.addMember(acme, users.get(name));
        }
        realm.addMember(other, users.get("oscar"));
        setup.role("acme", users.get("olivia"), "owner");
        setup.role("acme", users.get("adam"), "admin");
        setup.role("other", users.get("oscar"), "owner");
        setup.settings(Map.of("accessLevels", List.of("full", "read-only")));
        for (String name : List.of("b1", "b2", "b3", "b4", "b5")) {
            businesses.put(name, setup.business("acme", "Business " + name));
        }
        businesses.put("x1", setup.business("other", "Foreign business"));
        setup.grantUser("acme", businesses.get("b1"), users.get("mia"), "full");
        setup.grantUser("acme", businesses.get("b2"), users.get("mia"), "read-only");
        setup.grantTeam("acme", businesses.get("b3"), setup.team("acme", "Payroll", users.get("mia")), "read-only");
        setup.grantUser("acme", businesses.get("b5"), users.get("mia"), "full");
        setup.ok(setup.asAdmin("POST", setup.admin("acme") + "/businesses/" + businesses.get("b5") + "/archive", ""));
        setup.serviceClient("evaluator-app", true);
        setup.serviceClient("plain-app", false);
        evaluator = setup.clientToken("evaluator-app");
    }

    private Map<String, Object> request(String user, String action, String business) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("subject", Map.of("type", "user", "id", users.getOrDefault(user, user)));
        request.put("action", Map.of("name", action));
        request.put("resource", Map.of("type", "business", "id", businesses.getOrDefault(business, business)));
        return request;
    }

    private HttpJson.Reply evaluate(String token, Object body) {
        return checked.post(api + "evaluation", token, body);
    }

    private boolean decision(String user, String action, String business) {
        HttpJson.Reply reply = evaluate(evaluator, request(user, action, business));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get("decision").asBoolean();
    }

    private static List<Boolean> decisions(JsonNode reply) {
        List<Boolean> decisions = new ArrayList<>();
        reply.get("evaluations").forEach(d -> decisions.add(d.get("decision").asBoolean()));
        return decisions;
    }

    @Nested
    class GivenTheRoleAndGrantMatrix {
        @ParameterizedTest(name = "{0} {1} {2} -> {3}")
        @CsvSource({
                "olivia, write, b4, true",
                "olivia, read,  b1, true",
                "adam,   write, b4, true",
                "mia,    write, b1, true",
                "mia,    read,  b2, true",
                "mia,    write, b2, false",
                "mia,    read,  b3, true",
                "mia,    write, b3, false",
                "mia,    read,  b4, false",
                "nina,   read,  b1, false",
                "mia,    read,  b5, false",
                "olivia, read,  b5, false"})
        void decidesByRoleDirectAndTeamGrantsAndLevel(String user, String action, String business, boolean expected) {
            assertThat(decision(user, action, business)).isEqualTo(expected);
        }

        @Test
        void theReasonListsEveryPathWhenAskedFor() {
            Map<String, Object> request = request("mia", "read", "b3");
            request.put("context", Map.of("explain", true));

            JsonNode reply = evaluate(evaluator, request).json();

            assertThat(reply.get("decision").asBoolean()).isTrue();
            assertThat(reply.get("context").get("reason").asText()).isEqualTo("granted");
            assertThat(reply.get("context").get("level").asText()).isEqualTo("read-only");
            assertThat(reply.get("context").get("paths").get(0).get("label").asText()).isEqualTo("team:Payroll");
        }

        @Test
        void aDenyCarriesNoContextUnlessAskedFor() {
            JsonNode reply = evaluate(evaluator, request("mia", "write", "b2")).json();

            assertThat(reply.get("decision").asBoolean()).isFalse();
            assertThat(reply.has("context")).isFalse();
        }
    }

    @Nested
    class GivenAnotherFirm {
        @Test
        void staffOfOneFirmReachNothingOfTheOther() {
            assertThat(decision("oscar", "read", "b1")).isFalse();
            assertThat(decision("olivia", "read", "x1")).isFalse();
        }

        @Test
        void aResourceNamingTheWrongFirmIsDenied() {
            Map<String, Object> request = request("olivia", "read", "b1");
            request.put("resource", Map.of("type", "business", "id", businesses.get("b1"),
                    "properties", Map.of("firm", "other")));

            assertThat(evaluate(evaluator, request).json().get("decision").asBoolean()).isFalse();
        }

        @Test
        void aForeignBusinessIsExplainedExactlyLikeAnUnknownOne() {
            Map<String, Object> foreign = request("olivia", "read", "x1");
            foreign.put("context", Map.of("explain", true));
            Map<String, Object> unknown = request("olivia", "read", "no-such-business");
            unknown.put("context", Map.of("explain", true));

            assertThat(evaluate(evaluator, foreign).json()).isEqualTo(evaluate(evaluator, unknown).json());
        }
    }

    @Nested
    class GivenUnknownThings {
        @Test
        void unknownSubjectsResourcesActionsAndTypesAreDeniedNotErrors() {
            assertThat(decision("no-such-user", "read", "b1")).isFalse();
            assertThat(decision("olivia", "read", "no-such-business")).isFalse();
            assertThat(decision("olivia", "delete", "b1")).isFalse();
            Map<String, Object> group = request("olivia", "read", "b1");
            group.put("subject", Map.of("type", "group", "id", users.get("olivia")));
            assertThat(evaluate(evaluator, group).json().get("decision").asBoolean()).isFalse();
        }

        @Test
        void aUsernameIsNotASubjectId() {
            assertThat(decision("olivia", "read", "b1")).isTrue();
            Map<String, Object> byName = request("olivia", "read", "b1");
            byName.put("subject", Map.of("type", "user", "id", "olivia"));
            assertThat(evaluate(evaluator, byName).json().get("decision").asBoolean()).isFalse();
        }

        @Test
        void unknownMembersAreIgnored() {
            Map<String, Object> request = request("olivia", "read", "b1");
            request.put("flavour", "vanilla");
            request.put("subject", Map.of("type", "user", "id", users.get("olivia"), "extra", 1));

            HttpJson.Reply reply = evaluate(evaluator, request);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().get("decision").asBoolean()).isTrue();
        }
    }

    @Nested
    class GivenBadInput {
        @Test
        void malformedJsonIs400WithAJsonError() {
            HttpJson.Reply reply = evaluate(evaluator, "{\"subject\": ");

            assertJsonError(reply, 400);
            assertThat(reply.json().get("error_description").asText()).contains("not valid JSON");
        }

        @Test
        void aBodyThatIsNotDeclaredJsonIs400WithTheRequestIdEchoed() {
            for (String type : List.of("text/plain", "application/x-www-form-urlencoded")) {
                HttpJson.Reply reply = http.send(http.request(api + "evaluation", evaluator)
                        .header("Content-Type", type).header("X-Request-ID", "req-type")
                        .POST(HttpRequest.BodyPublishers.ofString(json(request("olivia", "read", "b1")))));

                assertJsonError(reply, 400);
                assertThat(reply.header("X-Request-ID")).isEqualTo("req-type");
            }
            HttpJson.Reply untyped = http.send(http.request(api + "evaluation", evaluator)
                    .POST(HttpRequest.BodyPublishers.ofString(json(request("olivia", "read", "b1")))));
            assertJsonError(untyped, 400);
            HttpJson.Reply withCharset = http.send(http.request(api + "evaluation", evaluator)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(json(request("olivia", "read", "b1")))));
            assertThat(withCharset.status()).isEqualTo(200);
        }

        @Test
        void aBatchOrSearchWithABodyThatIsNotDeclaredJsonIs400() {
            Map<String, Object> search = new LinkedHashMap<>();
            search.put("subject", Map.of("type", "user", "id", users.get("mia")));
            search.put("action", Map.of("name", "read"));
            search.put("resource", Map.of("type", "business", "id", businesses.get("b1")));

            for (String endpoint : List.of("evaluations", "search/subject", "search/resource", "search/action")) {
                HttpJson.Reply reply = http.send(http.request(api + endpoint, evaluator)
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString(json(search))));

                assertJsonError(reply, 400);
            }
        }

        @Test
        void aMissingSubjectIs400() {
            Map<String, Object> request = request("olivia", "read", "b1");
            request.remove("subject");

            HttpJson.Reply reply = evaluate(evaluator, request);

            assertJsonError(reply, 400);
            assertThat(reply.json().get("error_description").asText()).contains("subject");
        }

        @Test
        void mistypedRequiredMembersAre400() {
            Map<String, Object> numericId = request("olivia", "read", "b1");
            numericId.put("subject", Map.of("type", "user", "id", 42));
            Map<String, Object> stringAction = request("olivia", "read", "b1");
            stringAction.put("action", "read");
            Map<String, Object> noResourceType = request("olivia", "read", "b1");
            noResourceType.put("resource", Map.of("id", businesses.get("b1")));

            assertThat(evaluate(evaluator, numericId).status()).isEqualTo(400);
            assertThat(evaluate(evaluator, stringAction).status()).isEqualTo(400);
            assertThat(evaluate(evaluator, noResourceType).status()).isEqualTo(400);
            assertThat(evaluate(evaluator, List.of()).status()).isEqualTo(400);
        }

        @Test
        void theRequestIdIsEchoedOnAnswersAndErrors() {
            HttpJson.Reply ok = http.send(http.request(api + "evaluation", evaluator)
                    .header("Content-Type", "application/json").header("X-Request-ID", "req-123")
                    .POST(HttpRequest.BodyPublishers.ofString(json(request("olivia", "read", "b1")))));
            HttpJson.Reply bad = http.send(http.request(api + "evaluation", evaluator)
                    .header("Content-Type", "application/json").header("X-Request-ID", "req-456")
                    .POST(HttpRequest.BodyPublishers.ofString("{")));

            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("X-Request-ID")).isEqualTo("req-123");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.header("X-Request-ID")).isEqualTo("req-456");
        }

        @Test
        void theRequestIdIsEchoedOnWhatTheServerAnswersBeforeTheEndpointRuns() {
            HttpJson.Reply wrongMethod = http.send(http.request(api + "evaluation", evaluator)
                    .header("X-Request-ID", "req-get").GET());
            HttpJson.Reply noSuchSearch = http.send(http.request(api + "search/planet", evaluator)
                    .header("Content-Type", "application/json").header("X-Request-ID", "req-404")
                    .POST(HttpRequest.BodyPublishers.ofString(json(request("olivia", "read", "b1")))));

            assertThat(wrongMethod.status()).isEqualTo(405);
            assertThat(wrongMethod.header("X-Request-ID")).isEqualTo("req-get");
            assertThat(noSuchSearch.status()).isEqualTo(404);
            assertThat(noSuchSearch.header("X-Request-ID")).isEqualTo("req-404");
        }
    }

    @Nested
    class GivenCallers {
        @Test
        void noTokenIs401() {
            HttpJson.Reply reply = evaluate(null, request("olivia", "read", "b1"));

            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        }

        @Test
        void aClientWithoutTheEvaluatorRoleMayNotAskAboutUsers() {
            assertThat(evaluate(setup.clientToken("plain-app"), request("olivia", "read", "b1")).status())
                    .isEqualTo(403);
        }

        @Test
        void aUserMayEvaluateOnlyThemself() {
            String mia = realm.accessToken("mia");

            HttpJson.Reply self = evaluate(mia, request("mia", "read", "b1"));
            HttpJson.Reply other = evaluate(mia, request("olivia", "read", "b1"));

            assertThat(self.status()).isEqualTo(200);
            assertThat(self.json().get("decision").asBoolean()).isTrue();
            assertThat(other.status()).isEqualTo(403);
        }

        @Test
        void aUserMayNotSearchSubjects() {
            HttpJson.Reply reply = checked.post(api + "search/subject", realm.accessToken("mia"), Map.of(
                    "subject", Map.of("type", "user"), "action", Map.of("name", "read"),
                    "resource", Map.of("type", "business", "id", businesses.get("b1"))));

            assertThat(reply.status()).isEqualTo(403);
        }
    }

    @Nested
    class GivenABatch {
        private Map<String, Object> batch(String semantic, String... items) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("subject", Map.of("type", "user", "id", users.get("mia")));
            request.put("action", Map.of("name", "read"));
            List<Object> evaluations = new ArrayList<>();
            for (String business : items) {
                evaluations.add(Map.of("resource", Map.of("type", "business", "id", businesses.get(business))));
            }
            request.put("evaluations", evaluations);
            if (semantic != null) {
                request.put("options", Map.of("evaluations_semantic", semantic));
            }
            return request;
        }

        @Test
        void executeAllAnswersEveryItemInOrder() {
            JsonNode reply = checked.post(api + "evaluations", evaluator, batch(null, "b1", "b4", "b3")).json();

            assertThat(decisions(reply)).containsExactly(true, false, true);
            assertThat(reply.has("decision")).isFalse();
        }

        @Test
        void denyOnFirstDenyStopsAtTheFirstDeny() {
            assertThat(decisions(checked.post(api + "evaluations", evaluator,
                    batch("deny_on_first_deny", "b1", "b4", "b3")).json())).containsExactly(true, false);
        }

        @Test
        void permitOnFirstPermitStopsAtTheFirstPermit() {
            assertThat(decisions(checked.post(api + "evaluations", evaluator,
                    batch("permit_on_first_permit", "b4", "b2", "b1")).json())).containsExactly(false, true);
        }

        @Test
        void anItemReplacesADefaultWholeRatherThanMergingIntoIt() {
            Map<String, Object> request = batch(null, "b1");
            request.put("resource", Map.of("type", "business", "id", businesses.get("b1"),
                    "properties", Map.of("firm", "other")));
            request.put("action", Map.of("name", "write"));
            request.put("evaluations", List.of(
                    Map.of(),
                    Map.of("resource", Map.of("type", "business", "id", businesses.get("b1"))),
                    Map.of("resource", Map.of("type", "business", "id", businesses.get("b2")),
                            "action", Map.of("name", "read"))));

            assertThat(decisions(checked.post(api + "evaluations", evaluator, request).json()))
                    .containsExactly(false, true, true);
        }

        @Test
        void withoutItemsItAnswersLikeASingleEvaluation() {
            Map<String, Object> request = request("mia", "read", "b1");
            request.put("evaluations", List.of());

            assertThat(checked.post(api + "evaluations", evaluator, request).json().get("decision").asBoolean()).isTrue();
        }

        @Test
        void anItemWithoutAnActionAndNoDefaultIsDeniedAloneWithItsErrorAndTheOthersAreEvaluated() {
            Map<String, Object> request = batch(null);
            request.remove("action");
            request.put("evaluations", List.of(
                    Map.of("resource", Map.of("type", "business", "id", businesses.get("b1"))),
                    Map.of("resource", Map.of("type", "business", "id", businesses.get("b1")),
                            "action", Map.of("name", "read")),
                    "not an object"));

            HttpJson.Reply reply = http.post(api + "evaluations", evaluator, request);

            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            assertThat(decisions(reply.json())).containsExactly(false, true, false);
            JsonNode failed = reply.json().get("evaluations").get(0).get("context").get("error");
            assertThat(failed.get("status").asInt()).isEqualTo(400);
            assertThat(failed.get("message").asText()).contains("evaluations[0]").contains("action");
            assertThat(failed.get("code").asText()).isEqualTo("invalid_request");
            assertThat(reply.json().get("evaluations").get(2).get("context").get("error").get("message").asText())
                    .contains("evaluations[2]");
        }

        @Test
        void aFailedItemCountsAsADenyForDenyOnFirstDeny() {
            Map<String, Object> request = batch("deny_on_first_deny", "b1");
            request.put("evaluations", List.of(
                    Map.of("resource", Map.of("type", "business", "id", businesses.get("b1"))),
                    Map.of("resource", Map.of("type", "business")),
                    Map.of("resource", Map.of("type", "business", "id", businesses.get("b2")))));

            assertThat(decisions(http.post(api + "evaluations", evaluator, request).json()))
                    .containsExactly(true, false);
        }

        @Test
        void aBatchOfMoreThanAHundredBusinessesDecidesEachAsASingleEvaluationWould() {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < 110; i++) {
                items.add(java.util.UUID.randomUUID().toString());
            }
            items.addAll(List.of(businesses.get("b1"), businesses.get("b3"), businesses.get("b4"),
                    businesses.get("b5"), businesses.get("x1")));
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("subject", Map.of("type", "user", "id", users.get("mia")));
            request.put("action", Map.of("name", "read"));
            request.put("context", Map.of("explain", true));
            request.put("evaluations", items.stream()
                    .map(id -> Map.of("resource", Map.of("type", "business", "id", id))).toList());

            JsonNode answers = checked.post(api + "evaluations", evaluator, request).json().get("evaluations");

            List<String> reasons = new ArrayList<>();
            answers.forEach(answer -> reasons.add(answer.get("context").get("reason").asText()));
            assertThat(reasons).hasSize(115);
            assertThat(reasons.subList(0, 110)).containsOnly("not_found");
            // granted directly, granted through a team, not shared, archived, of another firm
            assertThat(reasons.subList(110, 115)).containsExactly("granted", "granted", "no_grant", "not_found",
                    "not_found");
            assertThat(answers.get(111).get("context").get("paths").get(0).get("label").asText())
                    .isEqualTo("team:Payroll");
            for (int i = 110; i < 115; i++) {
                Map<String, Object> single = request("mia", "read", items.get(i));
                single.put("context", Map.of("explain", true));
                assertThat(answers.get(i)).isEqualTo(evaluate(evaluator, single).json());
            }
        }

        @Test
        void aBatchAtTheConfiguredLimitIsAnsweredAndOneItemMoreIsRefusedAsJson() {
            int limit = TestEnvironment.EVALUATIONS_PER_BATCH;
            String[] atLimit = new String[limit];
            java.util.Arrays.fill(atLimit, "b1");
            String[] overLimit = new String[limit + 1];
            java.util.Arrays.fill(overLimit, "b1");

            HttpJson.Reply answered = http.post(api + "evaluations", evaluator, batch(null, atLimit));
            HttpJson.Reply refused = http.post(api + "evaluations", evaluator, batch(null, overLimit));

            assertThat(answered.status()).isEqualTo(200);
            assertThat(decisions(answered.json())).hasSize(limit).containsOnly(true);
            assertJsonError(refused, 400);
            assertThat(refused.json().get("error_description").asText())
                    .isEqualTo("At most " + limit + " evaluations per request");
            assertThat(refused.json().get("code").asText()).isEqualTo("bulk_limit");
        }

        @Test
        void aBatchOfAMegabyteOfEmptyItemsIsRefusedByItsCount() {
            int items = 999_000 / 3;
            StringBuilder body = new StringBuilder(json(request("mia", "read", "b1")));
            body.setLength(body.length() - 1);
            body.append(", \"evaluations\": [{}");
            body.append(",{}".repeat(items - 1)).append("]}");

            HttpJson.Reply reply = http.send(http.request(api + "evaluations", evaluator)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));

            assertThat(body.length()).isBetween(990_000, 1_000_000);
            assertJsonError(reply, 400);
            assertThat(reply.json().get("error_description").asText()).startsWith("At most ");
        }

        @Test
        void anUnknownSemanticIs400() {
            assertThat(checked.post(api + "evaluations", evaluator, batch("majority", "b1")).status()).isEqualTo(400);
        }

        @Test
        void aUserBatchAboutSomeoneElseIs403() {
            Map<String, Object> request = batch(null, "b1");
            request.put("evaluations", List.of(Map.of("subject", Map.of("type", "user", "id", users.get("olivia")),
                    "resource", Map.of("type", "business", "id", businesses.get("b1")))));

            assertThat(checked.post(api + "evaluations", realm.accessToken("mia"), request).status()).isEqualTo(403);
        }
    }

    @Nested
    class GivenSearches {
        private List<String> ids(JsonNode reply) {
            List<String> ids = new ArrayList<>();
            reply.get("results").forEach(r -> ids.add(r.has("id") ? r.get("id").asText() : r.get("name").asText()));
            return ids;
        }

        private Map<String, Object> resourceSearch(String user, String action, Integer limit) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("subject", Map.of("type", "user", "id", users.get(user)));
            request.put("action", Map.of("name", action));
            request.put("resource", Map.of("type", "business"));
            if (limit != null) {
                request.put("page", Map.of("limit", limit));
            }
            return request;
        }

        @Test
        void resourceSearchPagesThroughWhatTheMemberMayRead() {
            Map<String, Object> request = resourceSearch("mia", "read", 2);
            JsonNode first = checked.post(api + "search/resource", evaluator, request).json();
            request.put("page", Map.of("limit", 2, "token", first.get("page").get("next_token").asText()));
            JsonNode second = checked.post(api + "search/resource", evaluator, request).json();

            assertThat(first.get("page").get("total").asLong()).isEqualTo(3);
            assertThat(first.get("results")).hasSize(2);
            assertThat(first.get("page").get("next_token").asText()).isNotEmpty();
            assertThat(second.get("results")).hasSize(1);
            assertThat(second.get("page").get("next_token").asText()).isEmpty();
            List<String> all = new ArrayList<>(ids(first));
            all.addAll(ids(second));
            assertThat(all).containsExactlyInAnyOrder(businesses.get("b1"), businesses.get("b2"), businesses.get("b3"));
        }

        @Test
        void resourceSearchForWriteKeepsOnlyFullGrantsAndOwnersSeeAll() {
            assertThat(ids(checked.post(api + "search/resource", evaluator, resourceSearch("mia", "write", null)).json()))
                    .containsExactly(businesses.get("b1"));
            assertThat(ids(checked.post(api + "search/resource", evaluator, resourceSearch("olivia", "write", null))
                    .json())).containsExactlyInAnyOrder(businesses.get("b1"), businesses.get("b2"),
                    businesses.get("b3"), businesses.get("b4"));
        }

        @Test
        void aUserMaySearchTheirOwnResources() {
            HttpJson.Reply reply = checked.post(api + "search/resource", realm.accessToken("mia"),
                    resourceSearch("mia", "write", null));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(ids(reply.json())).containsExactly(businesses.get("b1"));
        }

        @Test
        void aTokenOfAnotherRequestIs400() {
            Map<String, Object> request = resourceSearch("mia", "read", 1);
            String token = checked.post(api + "search/resource", evaluator, request).json()
                    .get("page").get("next_token").asText();
            Map<String, Object> changed = resourceSearch("mia", "write", 1);
            changed.put("page", Map.of("limit", 1, "token", token));

            assertThat(checked.post(api + "search/resource", evaluator, changed).status()).isEqualTo(400);
        }

        @Test
        void subjectSearchFindsRoleDirectAndTeamReachersPageByPage() {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("subject", Map.of("type", "user"));
            request.put("action", Map.of("name", "read"));
            request.put("resource", Map.of("type", "business", "id", businesses.get("b3")));
            request.put("page", Map.of("limit", 2));
            List<String> found = new ArrayList<>();
            JsonNode page = checked.post(api + "search/subject", evaluator, request).json();
            found.addAll(ids(page));
            request.put("page", Map.of("limit", 2, "token", page.get("page").get("next_token").asText()));
            page = checked.post(api + "search/subject", evaluator, request).json();
            found.addAll(ids(page));

            assertThat(found).containsExactlyInAnyOrder(users.get("olivia"), users.get("adam"), users.get("mia"));
            assertThat(page.get("page").get("next_token").asText()).isEmpty();
        }

        @Test
        void aTokenContinuesTheSameRequestWrittenWithItsMembersInAnotherOrder() {
            String subject = "{\"type\": \"user\", \"id\": \"" + users.get("mia") + "\"}";
            String first = "{\"subject\": " + subject + ", \"action\": {\"name\": \"read\"},"
                    + " \"resource\": {\"type\": \"business\"}, \"page\": {\"limit\": 2}}";
            JsonNode page = checked.post(api + "search/resource", evaluator, first).json();
            String token = page.get("page").get("next_token").asText();
            String reordered = "{\"page\": {\"token\": \"" + token + "\", \"limit\": 2},"
                    + " \"resource\": {\"type\": \"business\"}, \"action\": {\"name\": \"read\"},"
                    + " \"subject\": {\"id\": \"" + users.get("mia") + "\", \"type\": \"user\"}}";

            HttpJson.Reply second = checked.post(api + "search/resource", evaluator, reordered);

            assertThat(second.status()).as(second.toString()).isEqualTo(200);
            List<String> all = new ArrayList<>(ids(page));
            all.addAll(ids(second.json()));
            assertThat(all).containsExactlyInAnyOrder(businesses.get("b1"), businesses.get("b2"), businesses.get("b3"));
        }

        @Test
        void theIdOfTheSearchedEntityIsIgnoredEvenWhenItIsNoString() {
            Map<String, Object> subjects = new LinkedHashMap<>();
            subjects.put("subject", Map.of("type", "user", "id", 42));
            subjects.put("action", Map.of("name", "write"));
            subjects.put("resource", Map.of("type", "business", "id", businesses.get("b3")));
            Map<String, Object> resources = resourceSearch("mia", "write", null);
            resources.put("resource", Map.of("type", "business", "id", List.of(businesses.get("b4"))));

            assertThat(ids(checked.post(api + "search/subject", evaluator, subjects).json()))
                    .containsExactlyInAnyOrder(users.get("olivia"), users.get("adam"));
            assertThat(ids(checked.post(api + "search/resource", evaluator, resources).json()))
                    .containsExactly(businesses.get("b1"));
        }

        @Test
        void aSearchForATypeItDoesNotKnowFindsNothing() {
            Map<String, Object> spaceships = Map.of("subject", Map.of("type", "spaceship"), "action",
                    Map.of("name", "read"), "resource", Map.of("type", "business", "id", businesses.get("b1")));
            Map<String, Object> records = Map.of("subject", Map.of("type", "user", "id", users.get("mia")), "action",
                    Map.of("name", "read"), "resource", Map.of("type", "record"));

            JsonNode none = checked.post(api + "search/subject", evaluator, spaceships).json();
            assertThat(none.get("results")).isEmpty();
            assertThat(none.get("page").get("next_token").asText()).isEmpty();
            assertThat(checked.post(api + "search/resource", evaluator, records).json().get("results")).isEmpty();
        }

        @Test
        void subjectSearchForWriteLeavesOutReadOnlyReachers() {
            Map<String, Object> request = Map.of("subject", Map.of("type", "user"), "action", Map.of("name", "write"),
                    "resource", Map.of("type", "business", "id", businesses.get("b3")));

            assertThat(ids(checked.post(api + "search/subject", evaluator, request).json()))
                    .containsExactlyInAnyOrder(users.get("olivia"), users.get("adam"));
        }

        @Test
        void actionSearchListsWhatTheSubjectMayDo() {
            Map<String, Object> onB2 = Map.of("subject", Map.of("type", "user", "id", users.get("mia")),
                    "resource", Map.of("type", "business", "id", businesses.get("b2")));
            Map<String, Object> onB1 = Map.of("subject", Map.of("type", "user", "id", users.get("mia")),
                    "resource", Map.of("type", "business", "id", businesses.get("b1")));

            assertThat(ids(checked.post(api + "search/action", evaluator, onB2).json())).containsExactly("read");
            assertThat(ids(checked.post(api + "search/action", evaluator, onB1).json())).containsExactly("read", "write");
        }

        @Test
        void actionSearchHoldsAtMostThePageLimitAndPagesOn() {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("subject", Map.of("type", "user", "id", users.get("mia")));
            request.put("resource", Map.of("type", "business", "id", businesses.get("b1")));
            request.put("page", Map.of("limit", 1));
            JsonNode first = checked.post(api + "search/action", evaluator, request).json();
            request.put("page", Map.of("limit", 1, "token", first.get("page").get("next_token").asText()));
            JsonNode second = checked.post(api + "search/action", evaluator, request).json();

            assertThat(ids(first)).containsExactly("read");
            assertThat(first.get("page").get("next_token").asText()).isNotEmpty();
            assertThat(ids(second)).containsExactly("write");
            assertThat(second.get("page").get("next_token").asText()).isEmpty();
        }
    }

    @Nested
    class GivenChanges {
        @Test
        void aGrantAndItsRemovalShowOnTheVeryNextEvaluation() {
            assertThat(decision("nina", "read", "b4")).isFalse();
            setup.grantUser("acme", businesses.get("b4"), users.get("nina"), "read-only");
            assertThat(decision("nina", "read", "b4")).isTrue();
            setup.revokeUser("acme", businesses.get("b4"), users.get("nina"));
            assertThat(decision("nina", "read", "b4")).isFalse();
        }

        @Test
        void programmaticAccessOffDeniesClientEvaluationsButNotTheUsersOwnInteractiveToken() {
            String member = realm.createUser("robot");
            realm.addMember(realm.admin().organizations().getAll().stream()
                    .filter(o -> "acme".equals(o.getAlias())).findFirst().orElseThrow().getId(), member);
            users.put("robot", member);
            setup.grantUser("acme", businesses.get("b1"), member, "full");
            assertThat(decision("robot", "read", "b1")).isTrue();

            setup.programmaticAccess("acme", member, false);
            Map<String, Object> explained = request("robot", "read", "b1");
            explained.put("context", Map.of("explain", true));
            JsonNode denied = evaluate(evaluator, explained).json();
            HttpJson.Reply own = evaluate(realm.accessToken("robot"), request("robot", "read", "b1"));

            assertThat(denied.get("decision").asBoolean()).isFalse();
            assertThat(denied.get("context").get("reason").asText()).isEqualTo("programmatic_access_off");
            assertThat(own.json().get("decision").asBoolean()).isTrue();

            setup.programmaticAccess("acme", member, true);
            assertThat(decision("robot", "read", "b1")).isTrue();
        }
    }

    @Nested
    class GivenDiscovery {
        @Test
        void theRealmPublishesItsPdpMetadataInBothWellKnownForms() {
            JsonNode appended = checked.get("/realms/" + realm.name() + "/.well-known/authzen-configuration", null).json();
            JsonNode inserted = checked.get("/.well-known/authzen-configuration/realms/" + realm.name(), null).json();

            assertThat(appended.get("policy_decision_point").asText()).endsWith("/realms/" + realm.name());
            assertThat(appended.get("access_evaluation_endpoint").asText())
                    .endsWith("/realms/" + realm.name() + "/firm-access/access/v1/evaluation");
            assertThat(appended.get("search_action_endpoint").asText()).endsWith("/access/v1/search/action");
            assertThat(inserted).isEqualTo(appended);
        }

        @Test
        void theMetadataHoldsOnlyTheRegistrysParametersWithAbsoluteUrls() {
            HttpJson.Reply reply = http.get("/.well-known/authzen-configuration/realms/" + realm.name(), null);
            JsonNode metadata = reply.json();
            String pdp = metadata.get("policy_decision_point").asText();

            assertThat(reply.header("Content-Type")).startsWith("application/json");
            List<String> names = new ArrayList<>();
            metadata.fieldNames().forEachRemaining(names::add);
            assertThat(names).containsExactlyInAnyOrder("policy_decision_point", "access_evaluation_endpoint",
                    "access_evaluations_endpoint", "search_subject_endpoint", "search_resource_endpoint",
                    "search_action_endpoint");
            assertThat(pdp).matches("https?://[^/?#]+/realms/" + realm.name());
            assertThat(metadata.get("access_evaluations_endpoint").asText())
                    .isEqualTo(pdp + "/firm-access/access/v1/evaluations");
        }
    }

    /** An error of these endpoints: the status, JSON in the extension's one error shape. */
    private static void assertJsonError(HttpJson.Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.json().get("error").asText()).isNotBlank();
        assertThat(reply.json().get("error_description").asText()).isNotBlank();
    }

    private static String json(Object body) {
        try {
            return HttpJson.MAPPER.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
