package dev.firmaccess.it;

import static dev.firmaccess.it.support.Replies.assertError;
import static dev.firmaccess.it.support.Replies.assertStatus;
import static dev.firmaccess.it.support.Replies.texts;
import static dev.firmaccess.it.support.Replies.totalCount;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.it.support.OneFirmTest;
import dev.firmaccess.it.support.Person;
import dev.firmaccess.testing.HttpJson.Reply;
import dev.firmaccess.testing.WithSharedServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Teams: named groups of staff that share their grants, kept as the firm's native organization groups. */
@WithSharedServer
class TeamsIT extends OneFirmTest {

    TeamsIT() {
        super("teams", "Team Partners");
    }

    @Nested
    class GivenAnOwnerManagingTeams {

        @Test
        void aNewTeamIsCreatedEmptyAndItsNameIsUnique() {
            Reply created = assertStatus(owner.post("/teams", Map.of("name", "Payroll")), 201);

            JsonNode team = created.json();
            assertThat(team.get("name").asText()).isEqualTo("Payroll");
            assertThat(team.get("memberCount").asLong()).isZero();
            assertThat(created.header("Location")).endsWith("/teams/" + team.get("id").asText());
            assertError(owner.post("/teams", Map.of("name", "Payroll")), 409, "conflict");
        }

        @Test
        void aTeamIsRenamedUnlessTheNameIsTaken() {
            String team = setup.team(firm, "Audit");
            setup.team(firm, "Tax");

            assertThat(assertStatus(owner.put("/teams/" + team, Map.of("name", "Assurance")), 200)
                    .json().get("name").asText()).isEqualTo("Assurance");
            assertError(owner.put("/teams/" + team, Map.of("name", "Tax")), 409, "conflict");
            assertThat(owner.get("/teams/" + team).json().get("name").asText()).isEqualTo("Assurance");
        }

        @Test
        void onlyStaffOfTheFirmCanJoin() {
            String team = setup.team(firm, "Bookkeeping");
            Person staff = setup.colleague(firm, "member");
            Person outsider = setup.newUser("nora");

            assertError(owner.put("/teams/" + team + "/members/" + outsider.id(), null), 404, "not_found");
            assertStatus(owner.put("/teams/" + team + "/members/" + staff.id(), null), 204);

            assertThat(texts(owner.get("/teams/" + team + "/members"), "userId")).containsExactly(staff.id());
            assertThat(texts(setup.staffView(firm, staff).get("teams"), "id")).containsExactly(team);
            assertThat(owner.get("/teams/" + team).json().get("memberCount").asLong()).isEqualTo(1);
        }

        @Test
        void aSubgroupMadeInKeycloaksOwnPagesIsNoTeamInTheListOrItsSearch() {
            String team = setup.team(firm, "Regional");
            assertStatus(setup.keycloakAdmin().post("/organizations/" + firm.id() + "/groups/" + team + "/children",
                    Map.of("name", "Regional north")), 201);

            Reply found = assertStatus(owner.get("/teams?search=Regional"), 200);

            assertThat(texts(found, "id")).containsExactly(team);
            assertThat(totalCount(found)).isEqualTo(1);
            assertThat(texts(owner.get("/teams?max=1000"), "name")).contains("Regional").doesNotContain("Regional north");
        }

        @Test
        void aTeamIsANativeOrganizationGroupOfTheFirm() {
            String team = setup.team(firm, "Native");
            assertStatus(owner.put("/teams/" + team, Map.of("name", "Native renamed")), 200);

            JsonNode groups = nativeGroups();

            assertThat(texts(groups, "id")).contains(team);
            assertThat(texts(groups, "name")).contains("Native renamed");
        }
    }

    @Nested
    class GivenATeamWithAGrant {

        @Test
        void itsGrantReachesEveryMemberWhileTheyAreInTheTeam() {
            String team = setup.team(firm, "Reach");
            String business = setup.business(firm, "Reached through the team");
            setup.shareWithTeam(firm, business, team, "full");
            Person mia = setup.staff(firm, "mia", "member");

            setup.join(firm, team, mia);
            assertThat(texts(setup.as(mia, firm).get("/businesses"), "id")).containsExactly(business);
            assertThat(texts(owner.get("/teams/" + team + "/grants"), "businessId")).containsExactly(business);

            assertStatus(owner.delete("/teams/" + team + "/members/" + mia.id()), 204);
            assertThat(setup.as(mia, firm).get("/businesses").json()).isEmpty();
        }

        @Test
        void deletingTheTeamDeletesItsGrants() {
            String team = setup.team(firm, "Short-lived");
            String business = setup.business(firm, "Shared with a short-lived team");
            setup.shareWithTeam(firm, business, team, "full");
            Person member = setup.colleague(firm, "member");
            setup.join(firm, team, member);

            assertStatus(owner.delete("/teams/" + team), 204);

            assertError(owner.get("/teams/" + team), 404, "not_found");
            assertThat(setup.grantees(firm, business)).isEmpty();
            assertThat(setup.reachedBusinesses(firm, member)).isEmpty();
            assertThat(texts(nativeGroups(), "id")).doesNotContain(team);
        }
    }

    @Nested
    class GivenNamesWithCharactersThatMeanSomethingInUrlsAndSearches {

        private static final String QUOTED = "\"Quoted\" 'names'";

        @Test
        void eachIsKeptAsTypedFoundByItsOwnCharactersOnlyRenamedAndDeleted() {
            Map<String, String> ids = new LinkedHashMap<>();
            for (String name : List.of("Tax & Audit", "A/B testing", "100% club", "C++ devs", "#1 team", QUOTED,
                    "snake_case")) {
                JsonNode created = assertStatus(owner.post("/teams", Map.of("name", name)), 201).json();
                assertThat(created.get("name").asText()).isEqualTo(name);
                ids.put(name, created.get("id").asText());
            }

            // a wildcard of SQL's LIKE (% and _) is matched as itself, not as any text or any character
            Map<String, String> found = new LinkedHashMap<>();
            List.of("&", "/", "%", "0%", "+", "#", "\"", "'", "_").forEach(search -> found.put(search, foundBy(search)));
            assertThat(found).containsExactly(Map.entry("&", "Tax & Audit"), Map.entry("/", "A/B testing"),
                    Map.entry("%", "100% club"), Map.entry("0%", "100% club"), Map.entry("+", "C++ devs"),
                    Map.entry("#", "#1 team"), Map.entry("\"", QUOTED), Map.entry("'", QUOTED),
                    Map.entry("_", "snake_case"));
            ids.forEach((name, id) -> assertThat(owner.get("/teams/" + id).json().get("name").asText()).isEqualTo(name));

            String renamed = "R&D / 50% \"new\" #2";
            assertThat(assertStatus(owner.put("/teams/" + ids.get("Tax & Audit"), Map.of("name", renamed)), 200)
                    .json().get("name").asText()).isEqualTo(renamed);
            assertThat(foundBy("50%")).isEqualTo(renamed);
            assertThat(search("Tax &").json()).isEmpty();

            ids.values().forEach(id -> assertStatus(owner.delete("/teams/" + id), 204));
            assertThat(search("%").json()).isEmpty();
            assertThat(search("&").json()).isEmpty();
        }

        /** The one team whose name contains the search, checked against the total the list reports. */
        private String foundBy(String search) {
            Reply reply = search(search);
            assertThat(totalCount(reply)).as("teams found by %s", search).isEqualTo(1);
            List<String> names = texts(reply, "name");
            assertThat(names).as("teams found by %s", search).hasSize(1);
            return names.get(0);
        }

        private Reply search(String search) {
            return assertStatus(owner.get("/teams?search=" + URLEncoder.encode(search, StandardCharsets.UTF_8)), 200);
        }
    }

    /** The firm's groups as Keycloak's own organization API lists them. */
    private JsonNode nativeGroups() {
        return assertStatus(setup.keycloakAdmin().get("/organizations/" + firm.id() + "/groups?max=1000"), 200).json();
    }
}
