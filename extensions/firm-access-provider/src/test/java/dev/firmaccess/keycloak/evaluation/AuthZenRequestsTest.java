package dev.firmaccess.keycloak.evaluation;

import dev.firmaccess.keycloak.core.FirmAccessException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.keycloak.evaluation.AuthZenModel.Evaluation;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthZenRequestsTest {

    private static final String SUBJECT = "\"subject\": {\"type\": \"user\", \"id\": \"u1\"}";
    private static final String ACTION = "\"action\": {\"name\": \"read\"}";
    private static final String RESOURCE = "\"resource\": {\"type\": \"business\", \"id\": \"b1\"}";

    @Test
    void readsASingleEvaluationAndIgnoresUnknownMembers() {
        Evaluation evaluation = AuthZenRequests.evaluation(AuthZenRequests.body(
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
        JsonNode root = AuthZenRequests.body("{" + SUBJECT + ", " + ACTION
                + ", \"resource\": {\"type\": \"business\", \"id\": \"b1\", \"properties\": {\"firm\": \"f\"}},"
                + " \"evaluations\": [{}, {\"resource\": {\"type\": \"business\", \"id\": \"b2\"}}]}");

        List<Evaluation> items = AuthZenRequests.evaluations(root);

        assertThat(items.get(0).resource().textProperty("firm")).isEqualTo("f");
        assertThat(items.get(1).resource().id()).isEqualTo("b2");
        assertThat(items.get(1).resource().properties()).isNull();
        assertThat(items.get(1).subject().id()).isEqualTo("u1");
    }

    @Test
    void anItemMissingAMemberWithoutADefaultIsABadRequest() {
        JsonNode root = AuthZenRequests.body("{" + SUBJECT + ", \"evaluations\": [{" + RESOURCE + "}]}");

        assertThatThrownBy(() -> AuthZenRequests.evaluations(root))
                .isInstanceOfSatisfying(FirmAccessException.class,
                        e -> assertThat(e.description()).contains("evaluations[0]").contains("action"));
    }

    @Test
    void aPageLimitOfZeroMeansTheDefaultAndLargeLimitsAreBounded() {
        assertThat(AuthZenRequests.page(AuthZenRequests.body("{\"page\": {\"limit\": 0}}")).limit()).isEqualTo(100);
        assertThat(AuthZenRequests.page(AuthZenRequests.body("{\"page\": {\"limit\": 5000}}")).limit()).isEqualTo(1000);
        assertBadRequest(() -> AuthZenRequests.page(AuthZenRequests.body("{\"page\": {\"limit\": -1}}")));
    }

    @Test
    void aPageTokenOnlyContinuesTheRequestItCameFrom() {
        JsonNode first = AuthZenRequests.body("{" + SUBJECT + ", \"page\": {\"limit\": 2}}");
        String token = PageCursor.token(2, first);
        JsonNode next = AuthZenRequests.body("{" + SUBJECT + ", \"page\": {\"limit\": 2, \"token\": \"" + token + "\"}}");
        JsonNode changed = AuthZenRequests.body("{\"subject\": {\"type\": \"user\", \"id\": \"u2\"},"
                + " \"page\": {\"limit\": 2, \"token\": \"" + token + "\"}}");

        assertThat(PageCursor.of(AuthZenRequests.page(next), next).offset()).isEqualTo(2);
        assertBadRequest(() -> PageCursor.of(AuthZenRequests.page(changed), changed));
    }

    private static void assertBadRequest(String body) {
        assertBadRequest(() -> AuthZenRequests.evaluation(AuthZenRequests.body(body)));
    }

    private static void assertBadRequest(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FirmAccessException.class,
                e -> assertThat(e.kind()).isEqualTo(FirmAccessException.Kind.BAD_INPUT));
    }
}
