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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every change in a firm leaves an audit record: who did what to which object, and its state before and after. */
@WithSharedServer
class AuditIT extends OneFirmTest {

    private Person colleague;
    private String business;
    private String team;
    /** The changes Olivia made, oldest first: action, target type, target id. */
    private final List<List<String>> changes = new ArrayList<>();

    AuditIT() {
        super("audit", "Audit Partners");
    }

    @BeforeAll
    void setUp() throws InterruptedException {
        colleague = setup.colleague(firm, "member");
        makeTheChanges();
    }

    private void makeTheChanges() throws InterruptedException {
        business = creation("business.created", "business", () -> owner.post("/businesses",
                Map.of("name", "Audited", "externalRef", "AUD-1")));
        change("business.updated", "business", business, () -> owner.put("/businesses/" + business,
                Map.of("name", "Audited and renamed", "externalRef", "AUD-1")));
        change("business.archived", "business", business, () -> owner.post("/businesses/" + business + "/archive", null));
        change("business.restored", "business", business, () -> owner.post("/businesses/" + business + "/restore", null));
        change("grant.added", "business", business, () -> owner.put(
                "/businesses/" + business + "/grants/users/" + colleague.id(), Map.of("level", "full")));
        change("grant.removed", "business", business, () -> owner.delete(
                "/businesses/" + business + "/grants/users/" + colleague.id()));
        Map<String, Object> bulk = Map.of("grants", List.of(Map.of("businessId", business, "subjectType", "user",
                "subjectId", colleague.id())));
        change("grant.bulk_added", "firm", firm.id(), () -> owner.post("/grants", bulk));
        change("grant.bulk_revoked", "firm", firm.id(), () -> owner.post("/grants/revoke", bulk));
        team = creation("team.created", "team", () -> owner.post("/teams", Map.of("name", "Audit team")));
        change("team.renamed", "team", team, () -> owner.put("/teams/" + team, Map.of("name", "Assurance team")));
        change("team.member_added", "team", team, () -> owner.put("/teams/" + team + "/members/" + colleague.id(), null));
        change("team.member_removed", "team", team, () -> owner.delete("/teams/" + team + "/members/" + colleague.id()));
        change("staff.role_changed", "staff", colleague.id(), () -> owner.put("/staff/" + colleague.id() + "/role",
                Map.of("role", "admin")));
        change("staff.programmatic_access_changed", "staff", colleague.id(), () -> owner.put(
                "/staff/" + colleague.id() + "/programmatic-access", Map.of("enabled", false)));
        change("access.replaced", "staff", colleague.id(), () -> owner.put("/staff/" + colleague.id() + "/access",
                Map.of("grants", List.of(Map.of("businessId", business)))));
        change("access.assigned_all", "staff", colleague.id(), () -> owner.post(
                "/staff/" + colleague.id() + "/access/assign-all", Map.of()));
        change("team.deleted", "team", team, () -> owner.delete("/teams/" + team));
        change("staff.removed", "staff", colleague.id(), () -> owner.delete("/staff/" + colleague.id()));
        change("business.deleted", "business", business, () -> owner.delete("/businesses/" + business));
    }

    @Nested
    class GivenASeriesOfChangesByAnOwner {

        @Test
        void eachChangeIsRecordedNewestFirstWithActorActionAndTarget() {
            JsonNode records = ownRecords("");

            List<List<String>> newestFirst = new ArrayList<>(changes);
            Collections.reverse(newestFirst);
            List<List<String>> recorded = new ArrayList<>();
            records.forEach(record -> recorded.add(List.of(record.get("action").asText(),
                    record.get("targetType").asText(), record.get("targetId").asText())));
            assertThat(recorded).containsExactlyElementsOf(newestFirst);
            assertThat(texts(records, "actorId")).containsOnly(olivia.id());
        }

        @Test
        void eachRecordHoldsTheStateBeforeAndAfter() {
            JsonNode updated = ownRecords("&action=business.updated").get(0);
            assertThat(updated.get("before").get("name").asText()).isEqualTo("Audited");
            assertThat(updated.get("after").get("name").asText()).isEqualTo("Audited and renamed");

            JsonNode roleChanged = ownRecords("&action=staff.role_changed").get(0);
            assertThat(roleChanged.get("before").get("role").asText()).isEqualTo("member");
            assertThat(roleChanged.get("after").get("role").asText()).isEqualTo("admin");

            JsonNode created = ownRecords("&action=business.created").get(0);
            assertThat(created.hasNonNull("before")).isFalse();
            assertThat(created.get("after").get("externalRef").asText()).isEqualTo("AUD-1");

            JsonNode deleted = ownRecords("&action=team.deleted").get(0);
            assertThat(deleted.get("before").get("name").asText()).isEqualTo("Assurance team");
            assertThat(deleted.hasNonNull("after")).isFalse();
        }

        @Test
        void theActionAndTargetFiltersNarrowTheList() {
            assertThat(texts(ownRecords("&action=team.renamed"), "action")).containsExactly("team.renamed");
            assertThat(texts(records("?targetId=" + business), "action")).containsExactly("business.deleted",
                    "grant.removed", "grant.added", "business.restored", "business.archived", "business.updated",
                    "business.created");
        }

        @Test
        void pagesCarryTheTotalInAHeader() {
            Reply all = assertStatus(owner.get("/audit?max=1000"), 200);
            Reply secondPage = assertStatus(owner.get("/audit?first=3&max=3"), 200);

            assertThat(totalCount(secondPage)).isEqualTo(totalCount(all)).isEqualTo(all.json().size());
            assertThat(texts(secondPage, "id")).containsExactlyElementsOf(texts(all, "id").subList(3, 6));
        }

        @Test
        void theTimeFiltersKeepTheRecordsInTheWindow() {
            JsonNode all = ownRecords("");
            long restored = all.get(changes.size() - 4).get("time").asLong();
            long removed = all.get(changes.size() - 6).get("time").asLong();

            assertThat(texts(ownRecords("&from=" + restored + "&to=" + removed), "action"))
                    .containsExactly("grant.removed", "grant.added", "business.restored");
        }
    }

    @Nested
    class GivenAMember {

        @Test
        void theyMayNotReadTheAudit() {
            Person mia = setup.staff(firm, "mia", "member");

            assertError(setup.as(mia, firm).get("/audit"), 403, "access_denied");
        }
    }

    private JsonNode ownRecords(String filters) {
        return records("?actorId=" + olivia.id() + "&max=1000" + filters);
    }

    private JsonNode records(String query) {
        return assertStatus(owner.get("/audit" + query), 200).json();
    }

    /** A change that creates its target: answers the new id. */
    private String creation(String action, String targetType, Supplier<Reply> call) throws InterruptedException {
        String id = made(call).json().get("id").asText();
        changes.add(List.of(action, targetType, id));
        return id;
    }

    private void change(String action, String targetType, String targetId, Supplier<Reply> call)
            throws InterruptedException {
        made(call);
        changes.add(List.of(action, targetType, targetId));
    }

    private static Reply made(Supplier<Reply> call) throws InterruptedException {
        Reply reply = call.get();
        assertThat(reply.status()).as(reply.toString()).isBetween(200, 299);
        tick();
        return reply;
    }

    /** Records of the same millisecond have no defined order, so each change gets a millisecond of its own. */
    private static void tick() throws InterruptedException {
        Thread.sleep(2);
    }
}
