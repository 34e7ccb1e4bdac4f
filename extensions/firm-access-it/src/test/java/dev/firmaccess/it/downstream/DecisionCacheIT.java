package dev.firmaccess.it.downstream;

import static dev.firmaccess.it.support.Replies.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.it.support.Client;
import dev.firmaccess.it.support.EvaluatorClient;
import dev.firmaccess.it.support.Firm;
import dev.firmaccess.it.support.FirmSetupTest;
import dev.firmaccess.it.support.Person;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.WithSharedServer;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Decisions answered from the caches (a firm's index of its active businesses, a user's grants)
 * hold at the very next evaluation after a change through the firm API: each case asks once so
 * that the caches hold what it asks about, changes it, and asks again.
 *
 * <p>Each case works in a firm of its own, so that its first decision builds the firm's index
 * after the businesses it asks about exist: a business created after the index is not in it and is
 * read from the database, and only a business in the index is answered from the user's cached
 * grants. The test server caches no grants of a user with more than
 * {@link TestEnvironment#CACHED_GRANTS_PER_USER} and no index of a firm with more than
 * {@link TestEnvironment#CACHED_BUSINESSES_PER_FIRM} businesses, so decisions past either cache are
 * held to the same answers.
 */
@WithSharedServer
class DecisionCacheIT extends FirmSetupTest {

    private static final EvaluatorClient EVALUATOR = new EvaluatorClient("decision-cache-app", "decision-cache-secret");

    private String evaluator;
    private Person olivia;

    DecisionCacheIT() {
        super("decision-cache");
    }

    @BeforeAll
    void anOwnerAnEvaluatorAndTwoLevels() {
        setup.updateSettings(Map.of("accessLevels", List.of("full", "read-only")));
        olivia = setup.newUser("olivia");
        EVALUATOR.ensureIn(realm);
        evaluator = EVALUATOR.token(http, realm);
    }

    @Nested
    class GivenAnOwner {

        @Test
        void aBusinessArchivedRestoredAndDeletedIsAnsweredSoAtTheNextDecision() {
            OwnedFirm firm = firmOwnedByOlivia("Harbour Ledger");
            String business = setup.business(firm.firm(), "Harbour Bakery");
            assertThat(decision(olivia, "write", business)).isEqualTo("granted");

            assertStatus(firm.owner().post("/businesses/" + business + "/archive", null), 200);
            assertThat(decision(olivia, "write", business)).as("archived").isEqualTo("denied: not_found");

            assertStatus(firm.owner().post("/businesses/" + business + "/restore", null), 200);
            assertThat(decision(olivia, "write", business)).as("restored").isEqualTo("granted");

            assertStatus(firm.owner().delete("/businesses/" + business), 204);
            assertThat(decision(olivia, "write", business)).as("deleted").isEqualTo("denied: not_found");
        }

        @Test
        void aBusinessCreatedAfterTheFirstDecisionIsGrantedAtOnceAndNotToAMemberWithoutAGrant() {
            OwnedFirm firm = firmOwnedByOlivia("Growing Ledger");
            String older = setup.business(firm.firm(), "Older Client");
            Person member = setup.colleague(firm.firm(), "member");
            assertThat(decision(olivia, "read", older)).isEqualTo("granted");
            assertThat(decision(member, "read", older)).isEqualTo("denied: no_grant");

            String created = assertStatus(firm.owner().post("/businesses", Map.of("name", "Newer Client")), 201)
                    .json().get("id").asText();

            assertThat(decision(olivia, "write", created)).isEqualTo("granted");
            assertThat(decision(member, "read", created)).isEqualTo("denied: no_grant");
        }
    }

    @Nested
    class GivenAMember {

        @Test
        void aDirectGrantCountsFromTheNextDecisionAndItsRevocationToo() {
            OwnedFirm firm = firmOwnedByOlivia("Quay Ledger");
            String business = setup.business(firm.firm(), "Quay Chandlers");
            Person member = setup.colleague(firm.firm(), "member");
            assertThat(decision(member, "read", business)).isEqualTo("denied: no_grant");

            assertStatus(firm.owner().put(userGrant(business, member), Map.of("level", "full")), 200);
            assertThat(decision(member, "read", business)).as("granted").isEqualTo("granted");

            assertStatus(firm.owner().delete(userGrant(business, member)), 204);
            assertThat(decision(member, "read", business)).as("revoked").isEqualTo("denied: no_grant");
        }

        @Test
        void aTeamGrantReachesWhoJoinsTheTeamAndNoLongerWhoLeavesIt() {
            OwnedFirm firm = firmOwnedByOlivia("Lantern Ledger");
            String business = setup.business(firm.firm(), "Lantern Lane Studio");
            Person member = setup.colleague(firm.firm(), "member");
            String team = assertStatus(firm.owner().post("/teams", Map.of("name", "Bookkeeping")), 201)
                    .json().get("id").asText();
            assertStatus(firm.owner().put("/businesses/" + business + "/grants/teams/" + team,
                    Map.of("level", "read-only")), 200);
            assertThat(decision(member, "read", business)).isEqualTo("denied: no_grant");

            assertStatus(firm.owner().put("/teams/" + team + "/members/" + member.id(), null), 204);
            assertThat(decision(member, "read", business)).as("joined").isEqualTo("granted");

            assertStatus(firm.owner().delete("/teams/" + team + "/members/" + member.id()), 204);
            assertThat(decision(member, "read", business)).as("left").isEqualTo("denied: no_grant");
        }

        @Test
        void aGrantLoweredBelowWriteStopsWritingAtTheNextDecision() {
            OwnedFirm firm = firmOwnedByOlivia("Wharf Ledger");
            String business = setup.business(firm.firm(), "Wharf Ropemakers");
            Person member = setup.colleague(firm.firm(), "member");
            assertStatus(firm.owner().put(userGrant(business, member), Map.of("level", "full")), 200);
            assertThat(decision(member, "write", business)).isEqualTo("granted");

            assertStatus(firm.owner().put(userGrant(business, member), Map.of("level", "read-only")), 200);

            assertThat(decision(member, "write", business)).isEqualTo("denied: insufficient_level");
            assertThat(decision(member, "read", business)).isEqualTo("granted");
        }

        /** The first revocation leaves them one past the bound, the second at it, with their grants cached again. */
        @Test
        void withMoreGrantsThanAreCachedEachRevocationHoldsAtTheNextDecision() {
            OwnedFirm firm = firmOwnedByOlivia("Busy Ledger");
            Person member = setup.colleague(firm.firm(), "member");
            List<String> shared = new ArrayList<>();
            for (int i = 0; i < TestEnvironment.CACHED_GRANTS_PER_USER + 2; i++) {
                String business = setup.business(firm.firm(), "Many Grants " + i);
                assertStatus(firm.owner().put(userGrant(business, member), Map.of("level", "full")), 200);
                shared.add(business);
            }
            String kept = shared.get(shared.size() - 1);

            for (String revoked : shared.subList(0, 2)) {
                assertThat(decision(member, "read", revoked)).as("before revoking").isEqualTo("granted");

                assertStatus(firm.owner().delete(userGrant(revoked, member)), 204);

                assertThat(decision(member, "read", revoked)).as("after revoking").isEqualTo("denied: no_grant");
                assertThat(decision(member, "write", kept)).as("another grant").isEqualTo("granted");
            }
        }
    }

    @Nested
    class GivenAFirmWithMoreBusinessesThanAreIndexed {

        @Test
        void theOwnerIsGrantedUntilABusinessIsArchived() {
            OwnedFirm large = largeFirm();
            String business = large.businesses().get(0);
            assertThat(decision(olivia, "write", business)).isEqualTo("granted");

            assertStatus(large.owner().post("/businesses/" + business + "/archive", null), 200);

            assertThat(decision(olivia, "write", business)).isEqualTo("denied: not_found");
            assertThat(decision(olivia, "write", large.businesses().get(1))).as("another business")
                    .isEqualTo("granted");
        }

        @Test
        void aMemberGrantedABusinessIsGrantedAtTheNextDecisionAndAnotherMemberIsNot() {
            OwnedFirm large = largeFirm();
            Person granted = setup.colleague(large.firm(), "member");
            Person other = setup.colleague(large.firm(), "member");
            String business = large.businesses().get(0);
            assertThat(decision(granted, "read", business)).isEqualTo("denied: no_grant");

            assertStatus(large.owner().put(userGrant(business, granted), Map.of("level", "read-only")), 200);

            assertThat(decision(granted, "read", business)).isEqualTo("granted");
            assertThat(decision(granted, "write", business)).isEqualTo("denied: insufficient_level");
            assertThat(decision(other, "read", business)).isEqualTo("denied: no_grant");
        }

        @Test
        void itsBusinessesAreUnknownToStaffOfAnotherFirm() {
            OwnedFirm large = largeFirm();
            OwnedFirm small = firmOwnedByOlivia("Small Ledger");
            Person outsider = setup.colleague(small.firm(), "admin");
            assertThat(decision(outsider, "read", setup.business(small.firm(), "Outsider's own"))).isEqualTo("granted");
            assertThat(decision(olivia, "read", large.businesses().get(0))).as("owner of both").isEqualTo("granted");

            assertThat(decision(outsider, "read", large.businesses().get(0))).isEqualTo("denied: not_found");
        }

        /** A firm of Olivia's with a few more active businesses than the test server indexes, made in one bulk call. */
        private OwnedFirm largeFirm() {
            OwnedFirm firm = firmOwnedByOlivia("Large Ledger");
            List<Map<String, String>> rows = IntStream.range(0, TestEnvironment.CACHED_BUSINESSES_PER_FIRM + 5)
                    .mapToObj(i -> Map.of("name", "Large Client " + i)).toList();
            List<String> ids = new ArrayList<>();
            assertStatus(firm.owner().post("/businesses/bulk", Map.of("businesses", rows)), 200).json().get("created")
                    .forEach(created -> ids.add(created.get("id").asText()));
            return new OwnedFirm(firm.firm(), firm.owner(), List.copyOf(ids));
        }
    }

    @Nested
    class GivenABatch {

        @Test
        void eachItemIsAnsweredFromTheIndexTheDatabaseOrNeither() {
            OwnedFirm firm = firmOwnedByOlivia("Batch Ledger");
            String indexed = setup.business(firm.firm(), "Indexed Client");
            String ungranted = setup.business(firm.firm(), "Ungranted Client");
            Person member = setup.colleague(firm.firm(), "member");
            assertStatus(firm.owner().put(userGrant(indexed, member), Map.of("level", "full")), 200);
            assertThat(decision(member, "read", indexed)).isEqualTo("granted");
            assertThat(decision(olivia, "read", indexed)).isEqualTo("granted");
            String unindexed = assertStatus(firm.owner().post("/businesses", Map.of("name", "Unindexed Client")), 201)
                    .json().get("id").asText();
            assertStatus(firm.owner().put(userGrant(unindexed, member), Map.of("level", "read-only")), 200);
            String foreign = setup.business(setup.newFirm("Elsewhere"), "Foreign Client");

            List<String> items = List.of(indexed, unindexed, ungranted, foreign, "no-such-business",
                    "6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e");

            assertThat(batch(member, "write", items)).containsExactly("granted", "denied: insufficient_level",
                    "denied: no_grant", "denied: not_found", "denied: not_found", "denied: not_found");
            assertThat(batch(olivia, "write", items)).containsExactly("granted", "granted", "granted",
                    "denied: not_found", "denied: not_found", "denied: not_found");
        }
    }

    @Nested
    class GivenARemovedFirm {

        @Test
        void itsFormerStaffFindItsBusinessesUnknown() {
            OwnedFirm removed = firmOwnedByOlivia("Closing Ledger");
            Person member = setup.colleague(removed.firm(), "member");
            String business = setup.business(removed.firm(), "Last Client");
            assertStatus(removed.owner().put(userGrant(business, member), Map.of("level", "full")), 200);
            assertThat(decision(olivia, "write", business)).isEqualTo("granted");
            assertThat(decision(member, "read", business)).isEqualTo("granted");

            try (Response deleted = realm.admin().organizations().get(removed.firm().id()).delete()) {
                assertThat(deleted.getStatus()).isEqualTo(204);
            }

            assertThat(decision(olivia, "write", business)).isEqualTo("denied: not_found");
            assertThat(decision(member, "read", business)).isEqualTo("denied: not_found");
        }
    }

    // --- helpers -----------------------------------------------------------------------------

    /** A case's own firm, its owner Olivia on the firm API, and the businesses made with it. */
    private record OwnedFirm(Firm firm, Client owner, List<String> businesses) {
    }

    private OwnedFirm firmOwnedByOlivia(String stem) {
        Firm firm = setup.newFirm(stem);
        realm.addMember(firm.id(), olivia.id());
        setup.setRole(firm, olivia, "owner");
        return new OwnedFirm(firm, setup.as(olivia, firm), List.of());
    }

    private static String userGrant(String businessId, Person person) {
        return "/businesses/" + businessId + "/grants/users/" + person.id();
    }

    private String evaluationApi() {
        return "/realms/" + realm.name() + "/firm-access/access/v1/";
    }

    /** The decision with its reason: {@code granted}, or {@code denied: } and the reason of the deny. */
    private String decision(Person subject, String action, String businessId) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("subject", Map.of("type", "user", "id", subject.id()));
        request.put("action", Map.of("name", action));
        request.put("resource", Map.of("type", "business", "id", businessId));
        request.put("context", Map.of("explain", true));
        return answer(assertStatus(checked.post(evaluationApi() + "evaluation", evaluator, request), 200).json());
    }

    /** The decision of each item, as {@link #decision} writes it. */
    private List<String> batch(Person subject, String action, List<String> businessIds) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("subject", Map.of("type", "user", "id", subject.id()));
        request.put("action", Map.of("name", action));
        request.put("context", Map.of("explain", true));
        request.put("evaluations", businessIds.stream()
                .map(id -> Map.of("resource", Map.of("type", "business", "id", id))).toList());
        List<String> answers = new ArrayList<>();
        assertStatus(checked.post(evaluationApi() + "evaluations", evaluator, request), 200).json().get("evaluations")
                .forEach(item -> answers.add(answer(item)));
        return answers;
    }

    private static String answer(JsonNode decision) {
        String reason = decision.path("context").path("reason").asText();
        return decision.get("decision").asBoolean() ? reason : "denied: " + reason;
    }
}
