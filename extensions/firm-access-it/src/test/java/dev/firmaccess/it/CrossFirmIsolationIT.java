package dev.firmaccess.it;

import static dev.firmaccess.it.support.Replies.assertError;
import static dev.firmaccess.it.support.Replies.assertStatus;
import static dev.firmaccess.it.support.Replies.totalCount;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.it.support.Client;
import dev.firmaccess.it.support.Person;
import dev.firmaccess.it.support.StandardFirmTest;
import dev.firmaccess.testing.HttpJson.Reply;
import dev.firmaccess.testing.WithSharedServer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Ids of another firm mean nothing under a firm's paths: they answer exactly like unknown ids, so
 * nobody can probe or touch another firm's businesses, teams, staff, invitations, portal memberships
 * or connection keys, not even its owner.
 */
@WithSharedServer
class CrossFirmIsolationIT extends StandardFirmTest {

    private static final String UNKNOWN_ID = "00000000-0000-0000-0000-000000000000";


    CrossFirmIsolationIT() {
        super("isolation");
    }

    @Nested
    class GivenTheIdOfAnotherFirmsBusiness {

        @Test
        void everyBusinessCallAnswersAsForAnUnknownId() {
            assertLikeUnknown(business -> owner.get("/businesses/" + business));
            assertLikeUnknown(business -> owner.put("/businesses/" + business, Map.of("name", "Taken over")));
            assertLikeUnknown(business -> owner.post("/businesses/" + business + "/archive", null));
            assertLikeUnknown(business -> owner.get("/businesses/" + business + "/grants"));
            assertLikeUnknown(business -> owner.put("/businesses/" + business + "/grants/users/" + fixture.subject().id(),
                    Map.of("level", "full")));
            assertLikeUnknown(business -> owner.delete("/businesses/" + business));
        }

        @Test
        void itCannotBeGrantedInBulkOrByReplacement() {
            assertLikeUnknown(business -> owner.post("/grants", Map.of("grants", List.of(Map.of("businessId", business,
                    "subjectType", "user", "subjectId", fixture.subject().id())))));
            assertLikeUnknown(business -> owner.put("/staff/" + fixture.subject().id() + "/access",
                    Map.of("grants", List.of(Map.of("businessId", business)))));
        }

        @Test
        void theOtherFirmsBusinessIsUntouched() {
            assertError(owner.put("/businesses/" + fixture.otherFirmBusiness(), Map.of("name", "Taken over")),
                    404, "not_found");
            assertError(owner.delete("/businesses/" + fixture.otherFirmBusiness()), 404, "not_found");

            assertThat(assertStatus(setup.asRealmAdmin(fixture.otherFirm())
                    .get("/businesses/" + fixture.otherFirmBusiness()), 200).json().get("name").asText())
                    .isEqualTo("Other firm's business");
        }

        private void assertLikeUnknown(Function<String, Reply> call) {
            assertSameNotFound(call, fixture.otherFirmBusiness());
        }
    }

    @Nested
    class GivenTheIdOfAnotherFirmsTeam {

        @Test
        void everyTeamCallAnswersAsForAnUnknownId() {
            assertLikeUnknown(team -> owner.get("/teams/" + team));
            assertLikeUnknown(team -> owner.put("/teams/" + team, Map.of("name", "Renamed")));
            assertLikeUnknown(team -> owner.get("/teams/" + team + "/members"));
            assertLikeUnknown(team -> owner.put("/teams/" + team + "/members/" + fixture.subject().id(), null));
            assertLikeUnknown(team -> owner.get("/teams/" + team + "/grants"));
            assertLikeUnknown(team -> owner.put("/businesses/" + fixture.unsharedBusiness() + "/grants/teams/" + team,
                    Map.of("level", "full")));
            assertLikeUnknown(team -> owner.delete("/teams/" + team));
        }

        private void assertLikeUnknown(Function<String, Reply> call) {
            assertSameNotFound(call, fixture.otherFirmTeam());
        }
    }

    @Nested
    class GivenAStaffMemberOfAnotherFirm {

        @Test
        void everyStaffCallAnswersAsForAnUnknownId() {
            assertLikeUnknown(user -> owner.get("/staff/" + user));
            assertLikeUnknown(user -> owner.put("/staff/" + user + "/role", Map.of("role", "admin")));
            assertLikeUnknown(user -> owner.put("/staff/" + user + "/programmatic-access", Map.of("enabled", false)));
            assertLikeUnknown(user -> owner.get("/staff/" + user + "/access"));
            assertLikeUnknown(user -> owner.post("/staff/" + user + "/access/assign-all", Map.of()));
            assertLikeUnknown(user -> owner.delete("/staff/" + user));
        }

        @Test
        void theyCannotBeGrantedOrJoinATeam() {
            assertLikeUnknown(user -> owner.put("/businesses/" + fixture.unsharedBusiness() + "/grants/users/" + user,
                    Map.of("level", "full")));
            assertLikeUnknown(user -> owner.post("/grants", Map.of("grants", List.of(Map.of(
                    "businessId", fixture.unsharedBusiness(), "subjectType", "user", "subjectId", user)))));
            assertLikeUnknown(user -> owner.put("/teams/" + fixture.team() + "/members/" + user, null));
        }

        @Test
        void neitherCanAUserOfNoFirm() {
            assertError(owner.put("/teams/" + fixture.team() + "/members/" + fixture.userWithNoFirm().id(), null),
                    404, "not_found");
            assertError(owner.put("/staff/" + fixture.userWithNoFirm().id() + "/role", Map.of("role", "member")),
                    404, "not_found");
        }

        private void assertLikeUnknown(Function<String, Reply> call) {
            assertSameNotFound(call, fixture.memberOfOtherFirm().id());
        }
    }

    @Nested
    class GivenTheIdOfAnotherFirmsInvitation {

        @Test
        void everyInvitationCallAnswersAsForAnUnknownId() {
            String invitation = setup.invitation(fixture.otherFirm(), "isolated-invitee@example.test");

            assertSameNotFound(id -> owner.get("/invitations/" + id), invitation);
            assertSameNotFound(id -> owner.post("/invitations/" + id + "/resend", null), invitation);
            assertSameNotFound(id -> owner.post("/invitations/" + id + "/link", null), invitation);
            assertSameNotFound(id -> owner.delete("/invitations/" + id), invitation);

            assertThat(assertStatus(setup.asRealmAdmin(fixture.otherFirm()).get("/invitations/" + invitation), 200)
                    .json().get("status").asText()).isEqualTo("pending");
        }
    }

    @Nested
    class GivenTheIdOfAnotherFirmsPortalMembership {

        @Test
        void everyMembershipCallAnswersAsForAnUnknownId() {
            String membership = assertStatus(setup.asRealmAdmin(fixture.otherFirm()).post("/portal/invitations", Map.of(
                    "businessId", fixture.otherFirmBusiness(), "role", "owner", "send", false,
                    "invitees", List.of(Map.of("email", "isolated-customer@example.test")))), 201)
                    .json().get(0).get("id").asText();

            assertSameNotFound(id -> owner.get("/portal/memberships/" + id), membership);
            assertSameNotFound(id -> owner.post("/portal/memberships/" + id + "/link", null), membership);
            assertSameNotFound(id -> owner.post("/portal/memberships/" + id + "/send", null), membership);
            assertSameNotFound(id -> owner.post("/portal/memberships/" + id + "/cancel", null), membership);
            assertSameNotFound(id -> owner.delete("/portal/memberships/" + id), membership);

            assertThat(assertStatus(setup.asRealmAdmin(fixture.otherFirm()).get("/portal/memberships/" + membership),
                    200).json().get("status").asText()).isEqualTo("pending");
        }
    }

    @Nested
    class GivenAConnectionKeyMadeInAnotherFirm {

        /** Someone on the staff of both firms, so that only the firm tells their keys apart. */
        @Test
        void itIsNeitherListedNorReachableUnderThisFirm() {
            Person both = setup.staff(fixture.otherFirm(), "bea", "member");
            setup.realm().addMember(fixture.firm().id(), both.id());
            String key = setup.connectionKey(fixture.otherFirm(), both, "Other firm's key");
            String keys = "/staff/" + both.id() + "/keys";

            assertThat(totalCount(assertStatus(owner.get(keys), 200))).isZero();
            assertSameNotFound(id -> owner.get(keys + "/" + id), key);
            assertSameNotFound(id -> owner.delete(keys + "/" + id), key);

            assertThat(assertStatus(setup.asRealmAdmin(fixture.otherFirm()).get(keys + "/" + key), 200)
                    .json().get("id").asText()).isEqualTo(key);
        }
    }

    @Nested
    class GivenAFirmTheCallerIsNotStaffOf {

        @Test
        void itAnswersAsAnUnknownFirmByIdAndByAlias() {
            Client outsider = setup.firmApiAs(fixture.memberOfOtherFirm());

            assertSameNotFound(firm -> outsider.get("/firms/" + firm), fixture.firm().id());
            assertSameNotFound(firm -> outsider.get("/firms/" + firm + "/businesses"), fixture.firm().alias());
        }

        @Test
        void theAdminApiRefusesAnExistingFirmExactlyLikeAnUnknownOne() {
            Client ownerWithoutAdminRoles = setup.adminApiAs(fixture.owner());

            Reply existing = ownerWithoutAdminRoles.get("/firms/" + fixture.otherFirm().alias() + "/businesses");
            Reply unknown = ownerWithoutAdminRoles.get("/firms/no-such-firm/businesses");

            assertError(existing, 403, "access_denied");
            assertThat(existing.body()).as("the answer for an unknown firm").isEqualTo(unknown.body());
        }
    }

    /** The call with a foreign id answers 404 exactly as with an unknown id, but for the id itself. */
    private static void assertSameNotFound(Function<String, Reply> call, String foreignId) {
        Reply foreign = call.apply(foreignId);
        Reply unknown = call.apply(UNKNOWN_ID);
        assertError(foreign, 404, "not_found", "not_found");
        assertThat(foreign.body().replace(foreignId, UNKNOWN_ID)).as("the answer for an unknown id")
                .isEqualTo(unknown.body());
    }
}
