package dev.firmaccess.it;

import static dev.firmaccess.it.support.Replies.assertError;
import static dev.firmaccess.it.support.Replies.assertStatus;
import static dev.firmaccess.it.support.Replies.texts;
import static dev.firmaccess.it.support.Replies.totalCount;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.it.support.Firm;
import dev.firmaccess.it.support.OneFirmTest;
import dev.firmaccess.it.support.Person;
import dev.firmaccess.testing.HttpJson.Reply;
import dev.firmaccess.testing.WithSharedServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A firm's businesses: members see what is shared with them; names and external references are checked. */
@WithSharedServer
class BusinessesIT extends OneFirmTest {

    BusinessesIT() {
        super("businesses", "Business Partners");
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class GivenAMemberWithOneSharedBusiness {

        private Person mia;
        private String shared;
        private String unshared;

        @BeforeAll
        void aMemberAndTwoBusinesses() {
            shared = setup.business(firm, "Shared");
            unshared = setup.business(firm, "Not shared");
            mia = setup.staffWithFullAccessTo(firm, "mia", "member", shared);
        }

        @Test
        void theirListHoldsOnlyTheSharedBusiness() {
            Reply list = assertStatus(setup.as(mia, firm).get("/businesses"), 200);

            assertThat(texts(list, "id")).containsExactly(shared);
            assertThat(totalCount(list)).isEqualTo(1);
        }

        @Test
        void anUnsharedBusinessIsNotFoundJustLikeAnUnknownOne() {
            Reply unsharedReply = setup.as(mia, firm).get("/businesses/" + unshared);
            Reply unknownReply = setup.as(mia, firm).get("/businesses/no-such-business");

            assertError(unsharedReply, 404, "not_found");
            assertThat(unsharedReply.body()).isEqualTo(unknownReply.body());
        }
    }

    @Nested
    class GivenAMemberCreatingABusiness {

        @Test
        void theyMayWhenTheRealmAllowsItAndGetFullAccessToIt() {
            Person max = setup.staff(firm, "max", "member");

            Reply created = assertStatus(setup.as(max, firm).post("/businesses",
                    Map.of("name", "Max's new client", "externalRef", "MAX-1")), 201);

            JsonNode business = created.json();
            String id = business.get("id").asText();
            assertThat(created.header("Location")).endsWith("/businesses/" + id);
            assertThat(business.get("level").asText()).isEqualTo("full");
            assertThat(business.get("createdBy").asText()).isEqualTo(max.id());
            assertThat(texts(setup.as(max, firm).get("/businesses"), "id")).containsExactly(id);
            assertThat(setup.grantees(firm, id)).containsExactly(max.id());
        }

        @Test
        void theyAreForbiddenWhenTheRealmForbidsIt() {
            Person nina = setup.staff(firm, "nina", "member");
            setup.updateSettings(Map.of("membersMayCreateBusinesses", false));
            try {
                assertError(setup.as(nina, firm).post("/businesses", Map.of("name", "Not allowed")),
                        403, "access_denied");
                assertStatus(owner.post("/businesses", Map.of("name", "Owners still may")), 201);
            } finally {
                setup.updateSettings(Map.of("membersMayCreateBusinesses", true));
            }
            assertThat(texts(owner.get("/businesses?search=Not%20allowed"), "id")).isEmpty();
        }
    }

    @Nested
    class GivenABulkCreation {

        @Test
        void allRowsAreCreatedInTheirOrderAndListed() {
            Reply created = assertStatus(owner.post("/businesses/bulk", Map.of("businesses", List.of(
                    Map.of("name", "Bulk Alder Joinery", "externalRef", "BULK-1"),
                    Map.of("name", "Bulk Cedar Bakery")))), 200);

            JsonNode rows = created.json().get("created");
            assertThat(rows).extracting(row -> row.get("name").asText())
                    .containsExactly("Bulk Alder Joinery", "Bulk Cedar Bakery");
            assertThat(rows.get(0).get("externalRef").asText()).isEqualTo("BULK-1");
            assertThat(texts(owner.get("/businesses?search=Bulk%20"), "id"))
                    .containsExactlyInAnyOrder(rows.get(0).get("id").asText(), rows.get(1).get("id").asText());
        }

        @Test
        void aRowWithoutANameRefusesTheWholeCallAndCreatesNothing() {
            Reply refused = owner.post("/businesses/bulk", Map.of("businesses", List.of(
                    Map.of("name", "Unnamed Batch Good Row"), Map.of("externalRef", "NO-NAME"))));

            assertError(refused, 400, "invalid_request");
            assertThat(refused.json().get("error_description").asText()).contains("businesses[1].name");
            assertThat(texts(owner.get("/businesses?search=Unnamed%20Batch"), "id")).isEmpty();
        }

        @Test
        void anExternalRefTakenOrRepeatedRefusesTheWholeCallAndCreatesNothing() {
            assertStatus(owner.post("/businesses", Map.of("name", "Holder of REF-9", "externalRef", "REF-9")), 201);

            assertError(owner.post("/businesses/bulk", Map.of("businesses", List.of(
                    Map.of("name", "Taken Batch One"), Map.of("name", "Taken Batch Two", "externalRef", "REF-9")))),
                    409, "conflict");
            assertError(owner.post("/businesses/bulk", Map.of("businesses", List.of(
                    Map.of("name", "Taken Batch Three", "externalRef", "REF-10"),
                    Map.of("name", "Taken Batch Four", "externalRef", "REF-10")))), 400, "invalid_request");
            assertThat(texts(owner.get("/businesses?search=Taken%20Batch"), "id")).isEmpty();
        }

        @Test
        void oneRowOverTheLimitIsRefusedWholeAndCreatesNothing() {
            List<Map<String, String>> rows = new ArrayList<>();
            for (int i = 0; i <= 1000; i++) {
                rows.add(Map.of("name", "Over Limit " + i));
            }

            Reply refused = owner.post("/businesses/bulk", Map.of("businesses", rows));

            assertError(refused, 400, "invalid_request", "bulk_limit");
            assertThat(refused.json().get("error_description").asText()).isEqualTo("At most 1000 businesses per call");
            assertThat(texts(owner.get("/businesses?search=Over%20Limit"), "id")).isEmpty();
        }

        @Test
        void aMemberMayNotAndNothingIsCreated() {
            Person rosa = setup.staff(firm, "rosa", "member");

            assertError(setup.as(rosa, firm).post("/businesses/bulk", Map.of("businesses", List.of(
                    Map.of("name", "Member Batch")))), 403, "access_denied");
            assertThat(texts(owner.get("/businesses?search=Member%20Batch"), "id")).isEmpty();
        }
    }

    @Nested
    class GivenAnOwnerEditingBusinesses {

        @Test
        void aDuplicateExternalRefIsAConflictOnCreateAndUpdate() {
            assertStatus(owner.post("/businesses", Map.of("name", "First", "externalRef", "ACME-7")), 201);
            String second = setup.business(firm, "Second");

            assertError(owner.post("/businesses", Map.of("name", "Copy", "externalRef", "ACME-7")), 409, "conflict");
            assertError(owner.put("/businesses/" + second, Map.of("name", "Second", "externalRef", "ACME-7")),
                    409, "conflict");
            assertThat(texts(owner.get("/businesses?search=ACME-7"), "name")).containsExactly("First");
        }

        @Test
        void anotherFirmMayUseTheSameExternalRef() {
            assertStatus(owner.post("/businesses", Map.of("name", "Ours", "externalRef", "SHARED-REF")), 201);
            Firm other = setup.newFirm("Other Partners");

            assertStatus(setup.asRealmAdmin(other).post("/businesses", Map.of("name", "Theirs", "externalRef", "SHARED-REF")),
                    201);
        }

        @Test
        void aNameOf256CharactersIsRefusedAndOf255Accepted() {
            assertError(owner.post("/businesses", Map.of("name", "n".repeat(256))), 400, "invalid_request");

            JsonNode created = assertStatus(owner.post("/businesses", Map.of("name", "n".repeat(255))), 201).json();
            assertThat(created.get("name").asText()).hasSize(255);
        }

        @Test
        void aBlankNameIsRefused() {
            assertError(owner.post("/businesses", Map.of("name", "  ")), 400, "invalid_request");
        }

        @Test
        void deletingABusinessDeletesItsGrants() {
            String business = setup.business(firm, "Short-lived");
            Person person = setup.colleague(firm, "member");
            setup.share(firm, business, person, "full");

            assertStatus(owner.delete("/businesses/" + business), 204);

            assertError(owner.get("/businesses/" + business), 404, "not_found");
            assertThat(setup.reachedBusinesses(firm, person)).isEmpty();
        }
    }
}
