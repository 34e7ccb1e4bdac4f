package dev.firmaccess.it;

import static dev.firmaccess.it.support.Replies.assertError;
import static dev.firmaccess.it.support.Replies.assertStatus;
import static dev.firmaccess.it.support.Replies.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.it.support.OneFirmTest;
import dev.firmaccess.it.support.Person;
import dev.firmaccess.testing.WithSharedServer;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Sharing businesses with people, one by one and in bulk; a bulk change happens whole or not at all. */
@WithSharedServer
class SharingIT extends OneFirmTest {

    private static final String UNKNOWN_ID = "00000000-0000-0000-0000-000000000000";

    SharingIT() {
        super("sharing", "Sharing Partners");
    }

    @Nested
    class GivenAnOwnerSharingBusinesses {

        @Test
        void oneBusinessWithOnePersonReachesThemAtOnce() {
            String business = setup.business(firm, "Bakery");
            Person mia = setup.staff(firm, "mia", "member");

            JsonNode grant = assertStatus(owner.put("/businesses/" + business + "/grants/users/" + mia.id(),
                    Map.of("level", "full")), 200).json();

            assertThat(grant.get("businessId").asText()).isEqualTo(business);
            assertThat(grant.get("subjectType").asText()).isEqualTo("user");
            assertThat(grant.get("subjectId").asText()).isEqualTo(mia.id());
            assertThat(grant.get("subjectName").asText()).isEqualTo(mia.username());
            assertThat(grant.get("level").asText()).isEqualTo("full");
            JsonNode theirBusinesses = assertStatus(setup.as(mia, firm).get("/businesses"), 200).json();
            assertThat(texts(theirBusinesses, "id")).containsExactly(business);
            assertThat(texts(theirBusinesses, "level")).containsExactly("full");
        }

        @Test
        void oneBusinessWithManyPeopleInOneCall() {
            String business = setup.business(firm, "Brewery");
            List<Person> people = Stream.generate(() -> setup.colleague(firm, "member")).limit(3).toList();

            JsonNode result = assertStatus(owner.post("/grants", grants(people.stream()
                    .map(person -> grant(business, person)).toList())), 200).json();

            assertThat(result.get("applied").asInt()).isEqualTo(3);
            assertThat(setup.grantees(firm, business)).containsExactlyInAnyOrderElementsOf(ids(people));
        }

        @Test
        void manyBusinessesWithOnePersonInOneCall() {
            Person person = setup.colleague(firm, "member");
            List<String> businesses = Stream.of("North", "South", "West").map(name -> setup.business(firm, name)).toList();

            JsonNode result = assertStatus(owner.post("/grants", grants(businesses.stream()
                    .map(business -> grant(business, person)).toList())), 200).json();

            assertThat(result.get("applied").asInt()).isEqualTo(3);
            assertThat(setup.reachedBusinesses(firm, person)).containsExactlyInAnyOrderElementsOf(businesses);
        }

        @Test
        void assignAllGrantsEveryBusinessThatIsNotArchived() {
            setup.business(firm, "Active one");
            String archived = setup.archivedBusiness(firm, "Archived one");
            Person person = setup.colleague(firm, "member");

            JsonNode access = assertStatus(owner.post("/staff/" + person.id() + "/access/assign-all",
                    Map.of("level", "full")), 200).json();

            List<String> active = texts(assertStatus(owner.get("/businesses?max=1000"), 200), "id");
            assertThat(texts(access.get("businesses"), "businessId")).containsExactlyInAnyOrderElementsOf(active)
                    .doesNotContain(archived);
            assertThat(setup.reachedBusinesses(firm, person)).containsExactlyInAnyOrderElementsOf(active);
        }
    }

    @Nested
    class GivenABulkShareWithOneBadItem {

        @Test
        void anUnknownBusinessFailsTheCallAndSharesNothing() {
            String business = setup.business(firm, "Valid one");
            Person person = setup.colleague(firm, "member");

            assertError(owner.post("/grants", grants(List.of(grant(business, person), grant(UNKNOWN_ID, person)))),
                    404, "not_found");

            assertThat(setup.grantees(firm, business)).isEmpty();
        }

        @Test
        void anUnknownLevelFailsTheCallAndSharesNothing() {
            String business = setup.business(firm, "Valid one");
            String other = setup.business(firm, "Other one");
            Person person = setup.colleague(firm, "member");
            Map<String, String> badLevel = Map.of("businessId", other, "subjectType", "user", "subjectId", person.id(),
                    "level", "almighty");

            assertError(owner.post("/grants", grants(List.of(grant(business, person), badLevel))), 400, "invalid_request");

            assertThat(setup.reachedBusinesses(firm, person)).isEmpty();
        }
    }

    @Nested
    class GivenABulkRevokeWithOneMissingGrant {

        @Test
        void nothingIsRevoked() {
            String shared = setup.business(firm, "Shared one");
            String unshared = setup.business(firm, "Unshared one");
            Person person = colleagueWithFullAccessTo(shared);

            assertError(owner.post("/grants/revoke", grants(List.of(grant(shared, person), grant(unshared, person)))),
                    404, "not_found");

            assertThat(setup.grantees(firm, shared)).containsExactly(person.id());
        }

        @Test
        void withEveryGrantPresentAllAreRevoked() {
            List<String> businesses = Stream.of("East", "Centre").map(name -> setup.business(firm, name)).toList();
            Person person = colleagueWithFullAccessTo(businesses.toArray(String[]::new));

            JsonNode result = assertStatus(owner.post("/grants/revoke", grants(businesses.stream()
                    .map(business -> grant(business, person)).toList())), 200).json();

            assertThat(result.get("revoked").asInt()).isEqualTo(2);
            assertThat(setup.reachedBusinesses(firm, person)).isEmpty();
        }
    }

    @Nested
    class GivenAReplacementOfSomeonesDirectAccess {

        @Test
        void anUnknownBusinessChangesNothing() {
            String kept = setup.business(firm, "Kept");
            String wanted = setup.business(firm, "Wanted");
            Person person = colleagueWithFullAccessTo(kept);

            assertError(owner.put("/staff/" + person.id() + "/access", grants(List.of(
                    Map.of("businessId", wanted), Map.of("businessId", UNKNOWN_ID)))), 404, "not_found");

            assertThat(setup.reachedBusinesses(firm, person)).containsExactly(kept);
        }

        @Test
        void theListedBusinessesReplaceTheDirectGrantsAndTeamGrantsStay() {
            String dropped = setup.business(firm, "Dropped");
            String wanted = setup.business(firm, "Wanted");
            String throughTeam = setup.business(firm, "Through the team");
            Person person = colleagueWithFullAccessTo(dropped);
            String team = setup.team(firm, "Replacement team");
            setup.join(firm, team, person);
            setup.shareWithTeam(firm, throughTeam, team, "full");

            JsonNode access = assertStatus(owner.put("/staff/" + person.id() + "/access",
                    grants(List.of(Map.of("businessId", wanted, "level", "full")))), 200).json();

            assertThat(texts(access.get("businesses"), "businessId")).containsExactlyInAnyOrder(wanted, throughTeam);
            assertThat(setup.grantees(firm, dropped)).isEmpty();
        }

        @Test
        void withAScopeOnlyTheScopesGrantsChangeAndOthersStay() {
            String outside = setup.business(firm, "Outside the scope");
            String dropped = setup.business(firm, "Dropped in the scope");
            String added = setup.business(firm, "Added in the scope");
            Person person = colleagueWithFullAccessTo(outside, dropped);

            assertStatus(owner.put("/staff/" + person.id() + "/access", Map.of(
                    "grants", List.of(Map.of("businessId", added, "level", "full")),
                    "scope", List.of(dropped, added))), 200);

            assertThat(setup.reachedBusinesses(firm, person)).containsExactlyInAnyOrder(outside, added);
        }

        @Test
        void aGrantOutsideTheScopeOrABlankScopeEntryChangesNothing() {
            String kept = setup.business(firm, "Kept beside the scope");
            String wanted = setup.business(firm, "Wanted outside the scope");
            Person person = colleagueWithFullAccessTo(kept);

            assertError(owner.put("/staff/" + person.id() + "/access", Map.of(
                    "grants", List.of(Map.of("businessId", wanted)), "scope", List.of(kept))), 400, "invalid_request");
            assertError(owner.put("/staff/" + person.id() + "/access", Map.of(
                    "grants", List.of(), "scope", List.of(kept, " "))), 400, "invalid_request");

            assertThat(setup.reachedBusinesses(firm, person)).containsExactly(kept);
        }
    }

    /** A new member of the firm who reaches the businesses through direct grants of the level "full". */
    private Person colleagueWithFullAccessTo(String... businesses) {
        Person person = setup.colleague(firm, "member");
        for (String business : businesses) {
            setup.share(firm, business, person, "full");
        }
        return person;
    }

    private static Map<String, Object> grants(List<? extends Map<String, String>> items) {
        return Map.of("grants", items);
    }

    private static Map<String, String> grant(String businessId, Person person) {
        return Map.of("businessId", businessId, "subjectType", "user", "subjectId", person.id());
    }

    private static List<String> ids(List<Person> people) {
        return people.stream().map(Person::id).toList();
    }
}
