package dev.firmaccess.it;

import static dev.firmaccess.it.support.Replies.assertError;
import static dev.firmaccess.it.support.Replies.assertStatus;
import static dev.firmaccess.it.support.Replies.texts;
import static dev.firmaccess.it.support.Replies.totalCount;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.it.support.Client;
import dev.firmaccess.it.support.Firm;
import dev.firmaccess.it.support.FirmSetupTest;
import dev.firmaccess.it.support.Person;
import dev.firmaccess.testing.HttpJson.Reply;
import dev.firmaccess.testing.WithSharedServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What a staff member reaches: everything for owners and admins by their role; for members the
 * union of their direct grants and their teams' grants, where the strongest level wins.
 */
@WithSharedServer
class EffectiveAccessIT extends FirmSetupTest {

    private static final String TEAM = "Payroll";

    private Firm firm;
    private Person mia;
    private Person adam;
    /** A member of their own for archiving, so that Mia's reach stays as the other tests expect it. */
    private Person max;
    private String team;
    private String readOnlyDirectlyFullByTeam;
    private String fullDirectlyReadOnlyByTeam;
    private String readOnlyByTeamOnly;
    private String readOnlyDirectlyOnly;
    private String unreached;

    EffectiveAccessIT() {
        super("access");
    }

    @BeforeAll
    void setUp() {
        setup.updateSettings(Map.of("accessLevels", List.of("full", "read-only")));
        firm = setup.newFirm("Access Partners");
        mia = setup.staff(firm, "mia", "member");
        adam = setup.staff(firm, "adam", "admin");
        max = setup.staff(firm, "max", "member");
        team = setup.team(firm, TEAM);
        setup.join(firm, team, mia);
        readOnlyDirectlyFullByTeam = reachedBy("Alpha", "read-only", "full");
        fullDirectlyReadOnlyByTeam = reachedBy("Bravo", "full", "read-only");
        readOnlyByTeamOnly = reachedBy("Charlie", null, "read-only");
        readOnlyDirectlyOnly = reachedBy("Delta", "read-only", null);
        unreached = setup.business(firm, "Echo");
    }

    @Nested
    class GivenAMemberWithDirectAndTeamGrants {

        @Test
        void theyReachTheUnionAndTheStrongestLevelWins() {
            JsonNode access = assertStatus(asMia().get("/staff/" + mia.id() + "/access"), 200).json();

            assertThat(access.get("role").asText()).isEqualTo("member");
            assertThat(access.get("allBusinesses").asBoolean()).isFalse();
            assertThat(levels(access.get("businesses"), "businessId")).containsExactlyInAnyOrderEntriesOf(expectedLevels());
        }

        @Test
        void theirBusinessListShowsTheSameReachAndLevels() {
            JsonNode businesses = assertStatus(asMia().get("/businesses"), 200).json();

            assertThat(levels(businesses, "id")).containsExactlyInAnyOrderEntriesOf(expectedLevels());
        }

        @Test
        void explainShowsTheDirectPathAndTheTeamPath() {
            JsonNode explanations = assertStatus(
                    asMia().get("/staff/" + mia.id() + "/access/explain?businessId=" + readOnlyDirectlyFullByTeam), 200)
                    .json();

            assertThat(explanations).hasSize(1);
            JsonNode explanation = explanations.get(0);
            assertThat(explanation.get("level").asText()).isEqualTo("full");
            JsonNode paths = explanation.get("paths");
            assertThat(texts(paths, "label")).containsExactly("direct", "team:" + TEAM);
            assertThat(texts(paths, "level")).containsExactly("read-only", "full");
            assertThat(paths.get(1).get("teamId").asText()).isEqualTo(team);
            assertThat(paths.get(1).get("teamName").asText()).isEqualTo(TEAM);
        }

        @Test
        void explainOfABusinessTheyDoNotReachIsEmpty() {
            JsonNode explanations = assertStatus(
                    asMia().get("/staff/" + mia.id() + "/access/explain?businessId=" + unreached), 200).json();

            assertThat(explanations).isEmpty();
        }

        @Test
        void anotherStaffMembersAccessIsNotTheirsToRead() {
            assertError(asMia().get("/staff/" + adam.id() + "/access"), 403, "access_denied");
            assertError(asMia().get("/staff/" + adam.id() + "/access/explain"), 403, "access_denied");
        }
    }

    @Nested
    class GivenAnAdmin {

        @Test
        void theyReachEveryBusinessByTheirRole() {
            JsonNode access = assertStatus(setup.as(adam, firm).get("/staff/" + adam.id() + "/access"), 200).json();

            assertThat(access.get("allBusinesses").asBoolean()).isTrue();
            assertThat(texts(access.get("businesses"), "businessId")).contains(unreached, readOnlyByTeamOnly);
            assertThat(texts(access.get("businesses"), "level")).containsOnly("full");
        }

        @Test
        void explainNamesTheirRole() {
            JsonNode explanation = assertStatus(setup.as(adam, firm)
                    .get("/staff/" + adam.id() + "/access/explain?businessId=" + unreached), 200).json().get(0);

            assertThat(explanation.get("level").asText()).isEqualTo("full");
            JsonNode path = explanation.get("paths").get(0);
            assertThat(path.get("type").asText()).isEqualTo("role");
            assertThat(path.get("label").asText()).isEqualTo("role:admin");
            assertThat(path.get("role").asText()).isEqualTo("admin");
            assertThat(path.get("level").asText()).isEqualTo("full");
        }
    }

    @Nested
    class GivenABusinessThatGetsArchived {

        @Test
        void itLeavesTheMembersReachAndRestoringBringsItBack() {
            String business = setup.business(firm, "Seasonal");
            setup.share(firm, business, max, "read-only");
            Client realmAdmin = setup.asRealmAdmin(firm);

            assertStatus(realmAdmin.post("/businesses/" + business + "/archive", null), 200);

            assertThat(texts(asMax().get("/businesses"), "id")).doesNotContain(business);
            assertThat(setup.reachedBusinesses(firm, max)).doesNotContain(business);
            assertError(asMax().get("/businesses/" + business), 404, "not_found");

            assertStatus(realmAdmin.post("/businesses/" + business + "/restore", null), 200);

            assertThat(texts(asMax().get("/businesses"), "id")).contains(business);
            assertThat(assertStatus(asMax().get("/businesses/" + business), 200).json().get("level").asText())
                    .isEqualTo("read-only");
        }

        @Test
        void aMemberAskingForArchivedBusinessesSeesNone() {
            String business = setup.business(firm, "Closed down");
            String stillOpen = setup.business(firm, "Still open");
            setup.share(firm, business, max, "full");
            setup.share(firm, stillOpen, max, "full");
            assertStatus(setup.asRealmAdmin(firm).post("/businesses/" + business + "/archive", null), 200);

            Reply archived = assertStatus(asMax().get("/businesses?archived=true"), 200);
            assertThat(archived.json()).isEmpty();
            assertThat(totalCount(archived)).isZero();
            assertThat(texts(asMax().get("/businesses?archived=any"), "id")).contains(stillOpen).doesNotContain(business);
        }
    }

    private Client asMia() {
        return setup.as(mia, firm);
    }

    private Client asMax() {
        return setup.as(max, firm);
    }

    /** A business shared with Mia directly and with her team at the given levels, either of which may be absent. */
    private String reachedBy(String name, String directLevel, String teamLevel) {
        String business = setup.business(firm, name);
        if (directLevel != null) {
            setup.share(firm, business, mia, directLevel);
        }
        if (teamLevel != null) {
            setup.shareWithTeam(firm, business, team, teamLevel);
        }
        return business;
    }

    private Map<String, String> expectedLevels() {
        return Map.of(
                readOnlyDirectlyFullByTeam, "full",
                fullDirectlyReadOnlyByTeam, "full",
                readOnlyByTeamOnly, "read-only",
                readOnlyDirectlyOnly, "read-only");
    }

    private static Map<String, String> levels(JsonNode businesses, String idField) {
        Map<String, String> levels = new LinkedHashMap<>();
        businesses.forEach(business -> levels.put(business.get(idField).asText(), business.get("level").asText()));
        return levels;
    }
}
