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
            FirmCase given = aBusinessAndAMember("Harbour Ledger");
            assertThat(decision(olivia, "write", given.business())).as("indexed").isEqualTo("granted");

            given.archiveOrRestore("archive");
            assertThat(decision(olivia, "write", given.business())).as("archived").isEqualTo("denied: not_found");

            given.archiveOrRestore("restore");
            assertThat(decision(olivia, "write", given.business())).as("restored").isEqualTo("granted");

            assertStatus(given.owner().delete("/businesses/" + given.business()), 204);
            assertThat(decision(olivia, "write", given.business())).as("deleted").isEqualTo("denied: not_found");
        }

        @Test
        void aBusinessCreatedAfterTheFirstDecisionIsGrantedAtOnceAndNotToAMemberWithoutAGrant() {
            FirmCase given = aBusinessAndAMember("Growing Ledger");
            assertThat(decision(olivia, "read", given.business())).isEqualTo("granted");
            assertThat(decision(given.member(), "read", given.business())).isEqualTo("denied: no_grant");

            String created = given.create("Newer Client");

            assertThat(decision(olivia, "write", created)).isEqualTo("granted");
            assertThat(decision(given.member(), "read", created)).isEqualTo("denied: no_grant");
        }
    }

    @Nested
    class GivenAMember {

        @Test
        void aDirectGrantCountsFromTheNextDecisionAndItsRevocationToo() {
            FirmCase given = aBusinessAndAMember("Quay Ledger");
            assertThat(decision(given.member(), "read", given.business())).isEqualTo("denied: no_grant");

            given.share(given.business(), given.member(), "full");
            assertThat(decision(given.member(), "read", given.business())).as("granted").isEqualTo("granted");

            given.revoke(given.business(), given.member());
            assertThat(decision(given.member(), "read", given.business())).as("revoked").isEqualTo("denied: no_grant");
        }

        @Test
        void aTeamGrantReachesWhoJoinsTheTeamAndNoLongerWhoLeavesIt() {
            FirmCase given = aBusinessAndAMember("Lantern Ledger");
            String membership = "/teams/" + given.teamOnBusiness("Bookkeeping", "read-only") + "/members/"
                    + given.member().id();
            assertThat(decision(given.member(), "read", given.business())).isEqualTo("denied: no_grant");

            assertStatus(given.owner().put(membership, null), 204);
            assertThat(decision(given.member(), "read", given.business())).as("joined").isEqualTo("granted");

            assertStatus(given.owner().delete(membership), 204);
            assertThat(decision(given.member(), "read", given.business())).as("left").isEqualTo("denied: no_grant");
        }

        @Test
        void aDeletedTeamNoLongerReachesItsMembersAtTheNextDecision() {
            FirmCase given = aBusinessAndAMember("Ferry Ledger");
            String team = given.teamOnBusiness("Payroll", "full");
            assertStatus(given.owner().put("/teams/" + team + "/members/" + given.member().id(), null), 204);
            assertThat(decision(given.member(), "write", given.business())).isEqualTo("granted");

            assertStatus(given.owner().delete("/teams/" + team), 204);

            assertThat(decision(given.member(), "read", given.business())).isEqualTo("denied: no_grant");
        }

        @Test
        void aRemovedStaffMemberFindsTheBusinessUnknownAtTheNextDecision() {
            FirmCase given = aBusinessAndAMember("Mill Ledger");
            given.share(given.business(), given.member(), "full");
            assertThat(decision(given.member(), "read", given.business())).isEqualTo("granted");

            assertStatus(given.owner().delete("/staff/" + given.member().id()), 204);

            assertThat(decision(given.member(), "read", given.business())).isEqualTo("denied: not_found");
        }

        @Test
        void aGrantLoweredBelowWriteStopsWritingAtTheNextDecision() {
            FirmCase given = aBusinessAndAMember("Wharf Ledger");
            given.share(given.business(), given.member(), "full");
            assertThat(decision(given.member(), "write", given.business())).isEqualTo("granted");

            given.share(given.business(), given.member(), "read-only");

            assertThat(decision(given.member(), "write", given.business())).isEqualTo("denied: insufficient_level");
            assertThat(decision(given.member(), "read", given.business())).isEqualTo("granted");
        }

        /** The first revocation leaves them one past the bound, the second at it, with their grants cached again. */
        @Test
        void withMoreGrantsThanAreCachedEachRevocationHoldsAtTheNextDecision() {
            FirmCase given = aBusinessAndAMember("Busy Ledger");
            List<String> shared = new ArrayList<>();
            for (int i = 0; i < TestEnvironment.CACHED_GRANTS_PER_USER + 2; i++) {
                String business = setup.business(given.firm(), "Many Grants " + i);
                given.share(business, given.member(), "full");
                shared.add(business);
            }
            String kept = shared.get(shared.size() - 1);

            for (String revoked : shared.subList(0, 2)) {
                assertThat(decision(given.member(), "read", revoked)).as("before revoking").isEqualTo("granted");

                given.revoke(revoked, given.member());

                assertThat(decision(given.member(), "read", revoked)).as("after revoking").isEqualTo("denied: no_grant");
                assertThat(decision(given.member(), "write", kept)).as("another grant").isEqualTo("granted");
            }
        }
    }

    @Nested
    class GivenAFirmWithMoreBusinessesThanAreIndexed {

        @Test
        void theOwnerIsGrantedUntilABusinessIsArchived() {
            FirmCase large = largeFirm();
            assertThat(decision(olivia, "write", large.business())).isEqualTo("granted");

            large.archiveOrRestore("archive");

            assertThat(decision(olivia, "write", large.business())).isEqualTo("denied: not_found");
            assertThat(decision(olivia, "write", large.businesses().get(1))).as("another business")
                    .isEqualTo("granted");
        }

        @Test
        void aMemberGrantedABusinessIsGrantedAtTheNextDecisionAndAnotherMemberIsNot() {
            FirmCase large = largeFirm();
            Person other = setup.colleague(large.firm(), "member");
            assertThat(decision(large.member(), "read", large.business())).isEqualTo("denied: no_grant");

            large.share(large.business(), large.member(), "read-only");

            assertThat(decision(large.member(), "read", large.business())).isEqualTo("granted");
            assertThat(decision(large.member(), "write", large.business())).isEqualTo("denied: insufficient_level");
            assertThat(decision(other, "read", large.business())).isEqualTo("denied: no_grant");
        }

        @Test
        void itsBusinessesAreUnknownToStaffOfAnotherFirm() {
            FirmCase large = largeFirm();
            FirmCase small = aBusinessAndAMember("Small Ledger");
            Person outsider = setup.colleague(small.firm(), "admin");
            assertThat(decision(outsider, "read", small.business())).isEqualTo("granted");
            assertThat(decision(olivia, "read", large.business())).as("owner of both").isEqualTo("granted");

            assertThat(decision(outsider, "read", large.business())).isEqualTo("denied: not_found");
        }

        /** A firm of Olivia's with a few more active businesses than the test server indexes, made in one bulk call. */
        private FirmCase largeFirm() {
            Firm firm = firmOwnedByOlivia("Large Ledger");
            Client owner = setup.as(olivia, firm);
            List<Map<String, String>> rows = IntStream.range(0, TestEnvironment.CACHED_BUSINESSES_PER_FIRM + 5)
                    .mapToObj(i -> Map.of("name", "Large Client " + i)).toList();
            List<String> ids = new ArrayList<>();
            assertStatus(owner.post("/businesses/bulk", Map.of("businesses", rows)), 200).json().get("created")
                    .forEach(created -> ids.add(created.get("id").asText()));
            return new FirmCase(firm, owner, List.copyOf(ids), setup.colleague(firm, "member"));
        }
    }

    @Nested
    class GivenABatch {

        @Test
        void eachItemIsAnsweredFromTheIndexTheDatabaseOrNeither() {
            FirmCase given = aBusinessAndAMember("Batch Ledger");
            String indexed = given.business();
            String ungranted = setup.business(given.firm(), "Ungranted Client");
            given.share(indexed, given.member(), "full");
            assertThat(decision(given.member(), "read", indexed)).isEqualTo("granted");
            assertThat(decision(olivia, "read", indexed)).isEqualTo("granted");
            String unindexed = given.create("Unindexed Client");
            given.share(unindexed, given.member(), "read-only");
            String foreign = setup.business(setup.newFirm("Elsewhere"), "Foreign Client");

            List<String> items = List.of(indexed, unindexed, ungranted, foreign, "no-such-business",
                    "6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e");

            assertThat(batch(given.member(), "write", items)).containsExactly("granted", "denied: insufficient_level",
                    "denied: no_grant", "denied: not_found", "denied: not_found", "denied: not_found");
            assertThat(batch(olivia, "write", items)).containsExactly("granted", "granted", "granted",
                    "denied: not_found", "denied: not_found", "denied: not_found");
        }
    }

    @Nested
    class GivenARemovedFirm {

        @Test
        void itsFormerStaffFindItsBusinessesUnknown() {
            FirmCase removed = aBusinessAndAMember("Closing Ledger");
            removed.share(removed.business(), removed.member(), "full");
            assertThat(decision(olivia, "write", removed.business())).isEqualTo("granted");
            assertThat(decision(removed.member(), "read", removed.business())).isEqualTo("granted");

            try (Response deleted = realm.admin().organizations().get(removed.firm().id()).delete()) {
                assertThat(deleted.getStatus()).isEqualTo(204);
            }

            assertThat(decision(olivia, "write", removed.business())).isEqualTo("denied: not_found");
            assertThat(decision(removed.member(), "read", removed.business())).isEqualTo("denied: not_found");
        }
    }

    // --- helpers -----------------------------------------------------------------------------

    /**
     * A case's own firm, its owner Olivia on the firm API, the businesses made with it (the first
     * one is the case's business) and a member without grants.
     */
    private record FirmCase(Firm firm, Client owner, List<String> businesses, Person member) {

        String business() {
            return businesses.get(0);
        }

        /** Archives or restores the case's business through the firm API: {@code action} names which. */
        void archiveOrRestore(String action) {
            assertStatus(owner.post("/businesses/" + business() + "/" + action, null), 200);
        }

        /** A team without members, granted the level on the case's business; answers its id. */
        String teamOnBusiness(String name, String level) {
            String team = assertStatus(owner.post("/teams", Map.of("name", name)), 201).json().get("id").asText();
            assertStatus(owner.put("/businesses/" + business() + "/grants/teams/" + team, Map.of("level", level)), 200);
            return team;
        }

        /** A business the owner creates through the firm API; answers its id. */
        String create(String name) {
            return assertStatus(owner.post("/businesses", Map.of("name", name)), 201).json().get("id").asText();
        }

        void share(String businessId, Person person, String level) {
            assertStatus(owner.put(userGrant(businessId, person), Map.of("level", level)), 200);
        }

        void revoke(String businessId, Person person) {
            assertStatus(owner.delete(userGrant(businessId, person)), 204);
        }

        private static String userGrant(String businessId, Person person) {
            return "/businesses/" + businessId + "/grants/users/" + person.id();
        }
    }

    /** A new firm whose owner is Olivia. */
    private Firm firmOwnedByOlivia(String stem) {
        Firm firm = setup.newFirm(stem);
        realm.addMember(firm.id(), olivia.id());
        setup.setRole(firm, olivia, "owner");
        return firm;
    }

    /** A firm of Olivia's with one business and one member without a grant; no decision has been asked about it. */
    private FirmCase aBusinessAndAMember(String stem) {
        Firm firm = firmOwnedByOlivia(stem);
        return new FirmCase(firm, setup.as(olivia, firm), List.of(setup.business(firm, stem + " Client")),
                setup.colleague(firm, "member"));
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
