package dev.firmaccess.it;

import static dev.firmaccess.it.support.Replies.assertError;
import static dev.firmaccess.it.support.Replies.totalCount;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.it.support.Person;
import dev.firmaccess.it.support.StandardFirmTest;
import dev.firmaccess.it.support.TextBody;
import dev.firmaccess.testing.HttpJson.Reply;
import dev.firmaccess.testing.WithSharedServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests that are malformed, mistyped or badly paged get a 400 in the error shape and change nothing. */
@WithSharedServer
class RequestValidationIT extends StandardFirmTest {

    RequestValidationIT() {
        super("validation");
    }

    @Nested
    class GivenMalformedJson {

        @ParameterizedTest
        @ValueSource(strings = {"{\"name\": ", "not json", "{\"name\": \"x\"} trailing", ""})
        void creatingABusinessIsRefused(String body) {
            long before = businessCount();

            assertError(owner.post("/businesses", body), 400, "invalid_request");

            assertThat(businessCount()).isEqualTo(before);
        }

        @Test
        void changingARoleIsRefused() {
            assertError(owner.put("/staff/" + fixture.subject().id() + "/role", "{\"role\": \"admin\""),
                    400, "invalid_request");

            assertThat(setup.staffView(fixture.firm(), fixture.subject()).get("role").asText()).isEqualTo("member");
        }

        @Test
        void changingTheSettingsIsRefused() {
            assertError(setup.realmAdmin().put("/settings", "{\"membersMayCreateBusinesses\": fals}"),
                    400, "invalid_request");
        }
    }

    @Nested
    class GivenAFormBodyThatCannotBeDecoded {

        @Test
        void aMemberArchivingABusinessIsRefusedAsWithoutABodyAndTheBusinessStaysActive() {
            Reply refused = malformedForm("/businesses/" + fixture.sharedBusiness() + "/archive", fixture.member());

            assertError(refused, 403, "access_denied");
            assertThat(setup.asRealmAdmin(fixture.firm()).get("/businesses/" + fixture.sharedBusiness()).json()
                    .get("archived").asBoolean()).isFalse();
        }

        @Test
        void creatingABusinessFromItIsRefusedForItsContentType() {
            long before = businessCount();

            assertError(malformedForm("/businesses", fixture.owner()), 415, "invalid_request", "unsupported_media_type");

            assertThat(businessCount()).isEqualTo(before);
        }

        /** A form body whose escape ({@code %ZZ}) no decoder accepts, posted as the person. */
        private Reply malformedForm(String relative, Person person) {
            return setup.as(person, fixture.firm()).post(relative,
                    new TextBody("application/x-www-form-urlencoded", "name=Broken%ZZbooks"));
        }
    }

    @Nested
    class GivenFieldsOfTheWrongType {

        @Test
        void aRoleThatIsANumberIsRefused() {
            assertError(owner.put("/staff/" + fixture.subject().id() + "/role", Map.of("role", 5)),
                    400, "invalid_request");

            assertThat(setup.staffView(fixture.firm(), fixture.subject()).get("role").asText()).isEqualTo("member");
        }

        @Test
        void grantsThatAreNotAnArrayAreRefused() {
            assertError(owner.post("/grants", Map.of("grants", "everything")), 400, "invalid_request");
            assertError(owner.post("/grants", Map.of("grants", Map.of("businessId", fixture.unsharedBusiness()))),
                    400, "invalid_request");
            assertError(owner.put("/staff/" + fixture.subject().id() + "/access", Map.of("grants", 1)),
                    400, "invalid_request");
        }

        @Test
        void aNameThatIsANumberIsRefused() {
            long before = businessCount();

            assertError(owner.post("/businesses", Map.of("name", 5)), 400, "invalid_request");
            assertError(owner.post("/teams", Map.of("name", true)), 400, "invalid_request");

            assertThat(businessCount()).isEqualTo(before);
        }

        @Test
        void aSwitchThatIsTextIsRefused() {
            assertError(owner.put("/staff/" + fixture.subject().id() + "/programmatic-access", Map.of("enabled", "false")),
                    400, "invalid_request");

            assertThat(setup.staffView(fixture.firm(), fixture.subject()).get("programmaticAccess").asBoolean()).isTrue();
        }

        @Test
        void aSettingThatIsTextIsRefusedAndNothingChanges() {
            assertError(setup.realmAdmin().put("/settings", Map.of("claimBusinessCap", "5", "resendCooldownMinutes", 20)),
                    400, "invalid_request");

            assertThat(setup.realmAdmin().get("/settings").json().get("resendCooldownMinutes").asInt()).isEqualTo(10);
        }

        @Test
        void aBodyThatIsNotAnObjectIsRefused() {
            assertError(owner.post("/grants", List.of()), 400, "invalid_request");
            assertError(owner.post("/teams", "\"Payroll\""), 400, "invalid_request");
        }
    }

    @Nested
    class GivenBadPaging {

        @ParameterizedTest
        @ValueSource(strings = {"max=abc", "max=0", "max=1001", "max=1.5", "first=-1", "first=x"})
        void everyListRefusesIt(String query) {
            String subject = "/staff/" + fixture.subject().id();
            // The 12 paged lists of a firm; with the two firm lists below, every paged operation of the code.
            for (String list : List.of("/staff", "/businesses", "/teams", "/audit", "/invitations",
                    "/portal/memberships", subject + "/access", subject + "/access/explain", subject + "/keys",
                    "/teams/" + fixture.team() + "/members", "/teams/" + fixture.team() + "/grants",
                    "/businesses/" + fixture.sharedBusiness() + "/grants")) {
                assertError(owner.get(list + "?" + query), 400, "invalid_request");
            }
            assertError(setup.firmApiAs(fixture.owner()).get("/firms?" + query), 400, "invalid_request");
            assertError(setup.realmAdmin().get("/firms?" + query), 400, "invalid_request");
        }

        @Test
        void anUnknownArchiveFilterIsRefused() {
            assertError(owner.get("/businesses?archived=maybe"), 400, "invalid_request");
        }

        @Test
        void anAuditTimeThatIsNotANumberIsRefused() {
            assertError(owner.get("/audit?from=yesterday"), 400, "invalid_request");
        }
    }

    private long businessCount() {
        return totalCount(
                setup.asRealmAdmin(fixture.firm()).get("/businesses?archived=any&max=1"));
    }
}
