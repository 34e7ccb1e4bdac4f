package dev.firmaccess.it;

import static dev.firmaccess.it.support.Replies.assertError;
import static dev.firmaccess.it.support.Replies.assertStatus;
import static dev.firmaccess.it.support.Replies.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.it.support.Client;
import dev.firmaccess.it.support.Firm;
import dev.firmaccess.it.support.OneFirmTest;
import dev.firmaccess.it.support.Person;
import dev.firmaccess.testing.HttpJson.Reply;
import dev.firmaccess.testing.WithSharedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Leaving a firm ends every kind of access to it at once, however the person leaves. */
@WithSharedServer
class StaffRemovalIT extends OneFirmTest {

    StaffRemovalIT() {
        super("removal", "Removal Partners");
    }

    @Nested
    class GivenAStaffMemberWithGrantsAndATeam {

        private Person leaver;
        private String directBusiness;
        private String teamBusiness;
        private String team;

        @BeforeEach
        void aStaffMemberWhoReachesBusinessesBothWays() {
            leaver = setup.staff(firm, "leo", "admin");
            directBusiness = setup.business(firm, "Direct");
            teamBusiness = setup.business(firm, "Through the team");
            setup.share(firm, directBusiness, leaver, "full");
            team = setup.team(firm, "Team of " + leaver.username());
            setup.join(firm, team, leaver);
            setup.shareWithTeam(firm, teamBusiness, team, "full");
        }

        @Test
        void theirVeryNextCallToTheFirmIsNotFound() {
            JsonNode tokens = setup.realm().signIn(leaver.username());
            String accessToken = tokens.get("access_token").asText();
            String businesses = setup.firmApiBase() + "/firms/" + firm.id() + "/businesses";
            assertStatus(setup.api().get(businesses, accessToken), 200);

            assertStatus(owner.delete("/staff/" + leaver.id()), 204);

            assertError(setup.api().get(businesses, accessToken), 404, "not_found");
            assertError(setup.api().get(setup.firmApiBase() + "/firms/" + firm.id(), accessToken), 404, "not_found");
        }

        @Test
        void theirRefreshTokenStillWorksButTheFirmIsGoneFromTheirList() {
            String refreshToken = setup.realm().signIn(leaver.username()).get("refresh_token").asText();

            assertStatus(owner.delete("/staff/" + leaver.id()), 204);

            Reply refreshed = setup.realm().refresh(refreshToken);
            assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
            Reply firms = setup.api().get(setup.firmApiBase() + "/firms", refreshed.json().get("access_token").asText());
            assertThat(texts(assertStatus(firms, 200), "id")).doesNotContain(firm.id());
        }

        @Test
        void addedBackNativelyTheyAreAPlainMemberWithNoOldGrantsOrTeams() {
            assertStatus(owner.delete("/staff/" + leaver.id()), 204);

            assertThat(setup.grantees(firm, directBusiness)).doesNotContain(leaver.id());
            assertThat(texts(owner.get("/teams/" + team + "/members"), "userId")).doesNotContain(leaver.id());

            setup.realm().addMember(firm.id(), leaver.id());

            JsonNode staff = setup.staffView(firm, leaver);
            assertThat(staff.get("role").asText()).isEqualTo("member");
            assertThat(staff.get("teams")).isEmpty();
            assertThat(staff.get("businessCount").asLong()).isZero();
            assertThat(setup.reachedBusinesses(firm, leaver)).isEmpty();
        }

        @Test
        void removedInKeycloaksOwnOrganizationPagesTheyLeaveTheFirmsAuditWithTheAdministratorAsActor() {
            setup.realm().removeMember(firm.id(), leaver.id());

            assertThat(setup.grantees(firm, directBusiness)).doesNotContain(leaver.id());
            JsonNode removal = onlyRemovalRecordOf(leaver);
            assertThat(removal.get("actorId").asText()).isEqualTo(setup.realm().administratorId());
            assertThat(removal.at("/before/role").asText()).isEqualTo("admin");
            assertThat(removal.at("/before/username").asText()).isEqualTo(leaver.username());
        }

        @Test
        void removedThroughTheFirmApiTheAuditHasOneRecordWithTheOwnerAsActor() {
            assertStatus(owner.delete("/staff/" + leaver.id()), 204);

            assertThat(onlyRemovalRecordOf(leaver).get("actorId").asText()).isEqualTo(olivia.id());
        }

        @Test
        void deletingTheUserInKeycloakRemovesTheirGrantsAndMemberships() {
            setup.realm().admin().users().delete(leaver.id()).close();

            assertThat(setup.grantees(firm, directBusiness)).doesNotContain(leaver.id());
            assertThat(texts(owner.get("/staff?max=1000"), "userId")).doesNotContain(leaver.id());
            assertThat(texts(owner.get("/teams/" + team + "/members"), "userId")).doesNotContain(leaver.id());
        }

        private JsonNode onlyRemovalRecordOf(Person person) {
            JsonNode records = assertStatus(owner.get("/audit?action=staff.removed&targetId=" + person.id()), 200).json();
            assertThat(records).as("one removal record").hasSize(1);
            return records.get(0);
        }
    }

    @Nested
    class GivenAFirmDeletedInKeycloak {

        @Test
        void itsStaffLeaveWithItAndNeitherTheFirmNorItsAccessAnswersAfterwards() {
            Firm closing = setup.newFirm("Closing Down");
            Person boss = setup.staff(closing, "boss", "owner");
            Person clerk = setup.staffWithFullAccessTo(closing, "clerk", "member", setup.business(closing, "Last Client"));
            Client clerkClient = setup.as(clerk, closing);
            assertStatus(clerkClient.get("/businesses"), 200);

            assertStatus(setup.keycloakAdmin().delete("/organizations/" + closing.id()), 204);

            assertError(clerkClient.get("/businesses"), 404, "not_found");
            assertError(setup.as(boss, closing).get("/staff"), 404, "not_found");
            assertThat(texts(assertStatus(setup.realmAdmin().get("/firms?max=1000"), 200), "id"))
                    .doesNotContain(closing.id());
        }
    }
}
