package dev.firmaccess.keycloak.evaluation;

import dev.firmaccess.keycloak.core.FirmAccessException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.keycloak.evaluation.AuthZenModel.Evaluation;
import dev.firmaccess.keycloak.evaluation.AuthZenRequests.BatchItem;
import dev.firmaccess.keycloak.web.Limits;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthZenRequestsTest {

    private static final Limits LIMITS = Limits.defaultLimits();

    private static final String SUBJECT = "\"subject\": {\"type\": \"user\", \"id\": \"u1\"}";
    private static final String ACTION = "\"action\": {\"name\": \"read\"}";
    private static final String RESOURCE = "\"resource\": {\"type\": \"business\", \"id\": \"b1\"}";

    @Test
    void readsASingleEvaluationAndIgnoresUnknownMembers() {
        Evaluation evaluation = AuthZenRequests.evaluation(json(
                "{" + SUBJECT + ", " + ACTION + ", " + RESOURCE + ", \"colour\": 3, \"context\": {\"explain\": true}}"));

        assertThat(evaluation.subject().id()).isEqualTo("u1");
        assertThat(evaluation.action().name()).isEqualTo("read");
        assertThat(evaluation.resource().id()).isEqualTo("b1");
        assertThat(evaluation.explain()).isTrue();
    }

    @Test
    void missingOrMistypedRequiredMembersAreBadRequests() {
        assertBadRequest("{" + ACTION + ", " + RESOURCE + "}");
        assertBadRequest("{\"subject\": {\"type\": \"user\", \"id\": 7}, " + ACTION + ", " + RESOURCE + "}");
        assertBadRequest("{" + SUBJECT + ", \"action\": \"read\", " + RESOURCE + "}");
        assertBadRequest("[]");
        assertBadRequest("{\"subject\": ");
    }

    @Test
    void itemsReplaceDefaultsWholeAndNeverMergeIntoThem() {
        JsonNode root = json("{" + SUBJECT + ", " + ACTION
                + ", \"resource\": {\"type\": \"business\", \"id\": \"b1\", \"properties\": {\"firm\": \"f\"}},"
                + " \"evaluations\": [{}, {\"resource\": {\"type\": \"business\", \"id\": \"b2\"}}]}");

        List<Evaluation> items = AuthZenRequests.evaluations(root, LIMITS).stream().map(BatchItem::evaluation).toList();

        assertThat(items.get(0).resource().textProperty("firm")).isEqualTo("f");
        assertThat(items.get(1).resource().id()).isEqualTo("b2");
        assertThat(items.get(1).resource().properties()).isNull();
        assertThat(items.get(1).subject().id()).isEqualTo("u1");
    }

    @Test
    void anItemMissingAMemberWithoutADefaultFailsAloneAndTheOthersAreRead() {
        JsonNode root = json("{" + SUBJECT + ", \"evaluations\": [{" + RESOURCE + "}, {" + ACTION + ", " + RESOURCE
                + "}, 7]}");

        List<BatchItem> items = AuthZenRequests.evaluations(root, LIMITS);

        assertThat(items.get(0).evaluation()).isNull();
        assertThat(items.get(0).error().description()).contains("evaluations[0]").contains("action");
        assertThat(items.get(1).evaluation().action().name()).isEqualTo("read");
        assertThat(items.get(1).error()).isNull();
        assertThat(items.get(2).error().description()).contains("evaluations[2]").contains("object");
    }

    @Test
    void aDefaultThatIsNoObjectIsABadRequestForTheWholeBatch() {
        assertBadRequest(() -> AuthZenRequests.evaluations(
                json("{" + SUBJECT + ", \"action\": -655, \"evaluations\": [{" + ACTION + ", " + RESOURCE + "}]}"),
                LIMITS));
        assertBadRequest(() -> AuthZenRequests.evaluations(
                json("{\"subject\": [], \"evaluations\": [{" + SUBJECT + ", " + ACTION + ", " + RESOURCE + "}]}"),
                LIMITS));
    }

    @Test
    void aBatchOverTheConfiguredSizeIsABadRequestAndOneAtTheSizeIsRead() {
        Limits two = new Limits(1000, 10_000, 100, 5000, 1_000_000, 50, 2, 1000, 1_000_000, 1000, 300, 300, 255,
                10, 30, 3600, 5, 300, 50, 7, 20, 100, 300, false, 20, 1000, 100_000, 1000);
        JsonNode atLimit = json("{" + SUBJECT + ", " + ACTION + ", \"evaluations\": [{" + RESOURCE + "}, {" + RESOURCE
                + "}]}");
        JsonNode overLimit = json("{" + SUBJECT + ", " + ACTION + ", \"evaluations\": [{}, {}, {}]}");

        assertThat(AuthZenRequests.evaluations(atLimit, two)).hasSize(2);
        assertThatThrownBy(() -> AuthZenRequests.evaluations(overLimit, two))
                .isInstanceOfSatisfying(FirmAccessException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FirmAccessException.Kind.BAD_INPUT);
                    assertThat(e.description()).isEqualTo("At most 2 evaluations per request");
                });
    }

    @Test
    void aBodyThatIsNotJsonByItsContentTypeIsABadRequest() {
        assertThat(AuthZenRequests.body("application/json; charset=UTF-8", "{}", LIMITS).isObject()).isTrue();
        assertThat(AuthZenRequests.body("Application/JSON", "{}", LIMITS).isObject()).isTrue();
        for (String other : new String[] {"text/plain", "application/x-www-form-urlencoded", "not a type", null}) {
            assertBadRequest(() -> AuthZenRequests.body(other, "{}", LIMITS));
        }
    }

    @Test
    void theIdOfTheSearchedEntityIsIgnoredWhateverItsType() {
        JsonNode root = json("{\"subject\": {\"type\": \"user\", \"id\": 42}, " + RESOURCE + "}");

        assertThat(AuthZenRequests.entity(root, "subject", false).id()).isNull();
        assertThat(AuthZenRequests.entity(root, "subject", false).type()).isEqualTo("user");
        assertThat(AuthZenRequests.entity(root, "resource", false).id()).isNull();
        assertBadRequest(() -> AuthZenRequests.entity(root, "subject", true));
    }

    @Test
    void aPageLimitOfZeroMeansTheDefaultAndLargeLimitsAreBounded() {
        assertThat(AuthZenRequests.page(json("{\"page\": {\"limit\": 0}}"), LIMITS).limit()).isEqualTo(100);
        assertThat(AuthZenRequests.page(json("{\"page\": {\"limit\": 5000}}"), LIMITS).limit()).isEqualTo(1000);
        assertBadRequest(() -> AuthZenRequests.page(json("{\"page\": {\"limit\": -1}}"), LIMITS));
    }

    @Test
    void aPageTokenOnlyContinuesTheRequestItCameFrom() {
        JsonNode first = json("{" + SUBJECT + ", \"page\": {\"limit\": 2}}");
        String token = PageCursor.token(2, first);
        JsonNode next = json("{" + SUBJECT + ", \"page\": {\"limit\": 2, \"token\": \"" + token + "\"}}");
        JsonNode changed = json("{\"subject\": {\"type\": \"user\", \"id\": \"u2\"},"
                + " \"page\": {\"limit\": 2, \"token\": \"" + token + "\"}}");

        assertThat(PageCursor.of(AuthZenRequests.page(next, LIMITS), next).offset()).isEqualTo(2);
        assertBadRequest(() -> PageCursor.of(AuthZenRequests.page(changed, LIMITS), changed));
    }

    @Test
    void aPageTokenContinuesTheSameRequestWrittenWithItsMembersInAnotherOrder() {
        JsonNode first = json("{" + SUBJECT + ", " + ACTION + ", \"page\": {\"limit\": 2}}");
        String token = PageCursor.token(2, first);
        JsonNode reordered = json("{\"page\": {\"token\": \"" + token + "\", \"limit\": 2}, " + ACTION
                + ", \"subject\": {\"id\": \"u1\", \"type\": \"user\"}}");

        assertThat(PageCursor.of(AuthZenRequests.page(reordered, LIMITS), reordered).offset()).isEqualTo(2);
    }

    private static JsonNode json(String body) {
        return AuthZenRequests.body("application/json", body, LIMITS);
    }

    private static void assertBadRequest(String body) {
        assertBadRequest(() -> AuthZenRequests.evaluation(json(body)));
    }

    private static void assertBadRequest(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FirmAccessException.class,
                e -> assertThat(e.kind()).isEqualTo(FirmAccessException.Kind.BAD_INPUT));
    }
}
