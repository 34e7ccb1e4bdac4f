package dev.firmaccess.it.downstream;

import static dev.firmaccess.it.support.Replies.assertError;
import static dev.firmaccess.it.support.Replies.assertStatus;
import static dev.firmaccess.it.support.Replies.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.it.events.EventReceiver;
import dev.firmaccess.it.events.EventReceiver.Received;
import dev.firmaccess.it.portal.ActivationPage;
import dev.firmaccess.it.portal.PortalBrowser;
import dev.firmaccess.it.support.Client;
import dev.firmaccess.it.support.Firm;
import dev.firmaccess.it.support.FirmSetupTest;
import dev.firmaccess.it.support.Person;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.WithSharedServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A firm's own access levels: defined by owners, granted like the realm's, read by the claim and the evaluation. */
@WithSharedServer
class FirmLevelsIT extends FirmSetupTest {

    private Downstream downstream;
    private Firm firm;
    private Firm other;
    private Person max;
    private Client owner;
    private String evaluator;

    FirmLevelsIT() {
        super("levels");
    }

    @BeforeAll
    void setUp() {
        downstream = new Downstream(http, setup.realm());
        setup.updateSettings(Map.of("accessLevels", List.of("full", "read-only")));
        firm = setup.newFirm("Level Partners");
        other = setup.newFirm("Other Partners");
        max = setup.staff(firm, "max", "member");
        owner = setup.as(setup.staff(firm, "olivia", "owner"), firm);
        downstream.installClaimScope(Map.of());
        downstream.serviceClient("evaluator-app", true);
        evaluator = downstream.clientToken("evaluator-app");
    }

    private JsonNode levels(Client client) {
        return assertStatus(client.get("/levels"), 200).json();
    }

    private Map<String, String> claimedLevels(Person person) {
        JsonNode claim = Downstream.payload(downstream.signIn(person.username(), "openid").get("access_token").asText())
                .get("firm_access");
        Map<String, String> levels = new HashMap<>();
        for (JsonNode claimed : claim) {
            if (claimed.get("id").asText().equals(firm.id())) {
                claimed.get("businesses").forEach(b -> levels.put(b.get("id").asText(), b.get("level").asText()));
            }
        }
        return levels;
    }

    private boolean decision(Person person, String action, String businessId) {
        return decision(person.id(), action, businessId);
    }

    private boolean decision(String userId, String action, String businessId) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("subject", Map.of("type", "user", "id", userId));
        request.put("action", Map.of("name", action));
        request.put("resource", Map.of("type", "business", "id", businessId));
        HttpJson.Reply reply = http.post("/realms/" + setup.realm().name() + "/firm-access/access/v1/evaluation",
                evaluator, request);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get("decision").asBoolean();
    }

    private static Map<String, Object> bulk(String businessId, Person person, String level) {
        return Map.of("grants", List.of(Map.of("businessId", businessId, "subjectType", "user",
                "subjectId", person.id(), "level", level)));
    }

    private static Map<String, Object> joinerRules(String businessId, String level) {
        return Map.of("autoJoin", false, "grants", List.of(Map.of("businessId", businessId, "level", level)));
    }

    private long grantsAt(String level) {
        return assertStatus(setup.asRealmAdmin(firm).get("/businesses?max=1000"), 200).json().findValues("id").stream()
                .mapToLong(business -> texts(setup.asRealmAdmin(firm).get("/businesses/" + business.asText() + "/grants"),
                        "level").stream().filter(level::equals).count())
                .sum();
    }

    /** An activated portal user: their membership, email and user id. */
    private record PortalGuest(String membershipId, String email, String id) {
    }

    /** Invites a portal guest at a level, follows the link from the mail and signs up. */
    private PortalGuest activatedGuest(String businessId, String level) {
        String email = "gina-" + System.nanoTime() + "@example.com";
        String id = portalInvitation(businessId, level, email);
        PortalBrowser.Answer signedUp = ActivationPage.signUp(ActivationPage.linkIn(
                env.mail().awaitMessageTo(email, Duration.ofSeconds(20))));
        assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(303);
        JsonNode active = portalMembership(id);
        assertThat(active.get("status").asText()).isEqualTo("active");
        return new PortalGuest(id, email, active.get("userId").asText());
    }

    private String portalInvitation(String businessId, String level) {
        return portalInvitation(businessId, level, "paul-" + System.nanoTime() + "@example.com");
    }

    private String portalInvitation(String businessId, String level, String email) {
        return assertStatus(owner.post("/portal/invitations", Map.of("businessId", businessId, "role", "guest",
                "level", level, "invitees", List.of(Map.of("email", email)))), 201).json().get(0).get("id").asText();
    }

    private JsonNode portalMembership(String id) {
        return assertStatus(owner.get("/portal/memberships/" + id), 200).json();
    }

    private List<String> portalClaimLevels(PortalGuest guest) {
        return Downstream.payload(downstream.signIn(guest.email(), "openid").get("access_token").asText())
                .get("firm_portal").findValues("level").stream().map(JsonNode::asText).toList();
    }

    /** The level each place names: the member's grant, the portal membership and invitation, the staff invitation, the joiner rules. */
    private List<String> placesNaming(String business, PortalGuest guest, String pendingGuest, String invitation) {
        List<String> named = new ArrayList<>(texts(setup.asRealmAdmin(firm).get("/businesses/" + business + "/grants"),
                "level"));
        named.add(portalMembership(guest.membershipId()).get("level").asText());
        named.add(portalMembership(pendingGuest).get("level").asText());
        named.addAll(texts(assertStatus(owner.get("/invitations/" + invitation), 200).json().get("grants"), "level"));
        named.addAll(texts(assertStatus(owner.get("/sso"), 200).json().at("/joinerRules/grants"), "level"));
        assertThat(named).hasSize(5);
        return named;
    }

    @Nested
    class GivenAnOwnerDefiningLevels {

        @Test
        void aLevelIsListedAfterTheRealmsAndIsGrantedClaimedAndEvaluatedByItsWriteFlag() {
            HttpJson.Reply created = assertStatus(owner.post("/levels", Map.of("name", "bookkeeper", "write", true)), 201);
            assertThat(created.json().get("own").asBoolean()).isTrue();
            assertThat(created.header("Location")).endsWith("/levels/bookkeeper");
            assertStatus(owner.post("/levels", Map.of("name", "auditor")), 201);
            assertThat(texts(levels(owner), "name")).startsWith("full", "read-only")
                    .containsSubsequence("read-only", "auditor", "bookkeeper");
            assertThat(texts(levels(setup.as(max, firm)), "name")).contains("auditor", "bookkeeper");

            String books = setup.business(firm, "Books Ltd");
            String ledger = setup.business(firm, "Ledger Ltd");
            setup.share(firm, books, max, "bookkeeper");
            setup.share(firm, ledger, max, "auditor");

            assertThat(claimedLevels(max)).containsEntry(books, "bookkeeper").containsEntry(ledger, "auditor");
            assertThat(decision(max, "write", books)).isTrue();
            assertThat(decision(max, "read", ledger)).isTrue();
            assertThat(decision(max, "write", ledger)).isFalse();
        }

        @Test
        void aLevelInUseIsDeletedOnlyByMovingItsGrantsToAnotherLevel() {
            assertStatus(owner.post("/levels", Map.of("name", "temp-editor", "write", true)), 201);
            String business = setup.business(firm, "Moving Ltd");
            setup.share(firm, business, max, "temp-editor");
            long auditBefore = setup.auditCount(firm);

            assertError(owner.delete("/levels/temp-editor"), 409, "conflict", "level_in_use");
            assertError(owner.delete("/levels/temp-editor?moveTo=no-such-level"), 400, "invalid_request",
                    "unknown_access_level");
            assertThat(texts(levels(owner), "name")).contains("temp-editor");
            assertThat(grantsAt("temp-editor")).isEqualTo(1);
            assertThat(setup.auditCount(firm)).isEqualTo(auditBefore);

            assertStatus(owner.delete("/levels/temp-editor?moveTo=read-only"), 204);

            assertThat(texts(levels(owner), "name")).doesNotContain("temp-editor");
            assertThat(grantsAt("temp-editor")).isZero();
            assertThat(texts(setup.asRealmAdmin(firm).get("/businesses/" + business + "/grants"), "level"))
                    .containsExactly("read-only");
            assertThat(decision(max, "write", business)).isFalse();
            JsonNode audit = assertStatus(owner.get("/audit?action=level.deleted"), 200).json().get(0);
            assertThat(audit.get("targetId").asText()).isEqualTo("temp-editor");
            assertThat(audit.get("after").get("movedTo").asText()).isEqualTo("read-only");
            assertThat(audit.get("after").get("grants").asInt()).isEqualTo(1);
        }

        @Test
        void aLevelNamedEverywhereIsRefusedUntouchedThenMovedEverywhereWithOneEventEach() {
            assertStatus(owner.post("/levels", Map.of("name", "site-editor", "write", true)), 201);
            String shop = setup.business(firm, "Everywhere Ltd");
            setup.share(firm, shop, max, "site-editor");
            PortalGuest guest = activatedGuest(shop, "site-editor");
            String pendingGuest = portalInvitation(shop, "site-editor");
            String invitation = assertStatus(owner.post("/invitations", Map.of("role", "member",
                    "invitees", List.of(Map.of("email", "ivy-" + System.nanoTime() + "@example.com")),
                    "grants", List.of(Map.of("businessId", shop, "level", "site-editor")))), 201)
                    .json().get(0).get("id").asText();
            assertStatus(owner.put("/sso/joiner-rules", joinerRules(shop, "site-editor")), 200);
            assertThat(decision(max, "write", shop)).isTrue();
            assertThat(decision(guest.id(), "write", shop)).isTrue();
            long auditBefore = setup.auditCount(firm);

            HttpJson.Reply refused = owner.delete("/levels/site-editor");

            assertError(refused, 409, "conflict", "level_in_use");
            assertThat(refused.json().get("error_description").asText()).contains("1 grants", "1 portalMemberships",
                    "1 portalInvitations", "1 staffInvitations", "1 joinerGrants");
            assertThat(placesNaming(shop, guest, pendingGuest, invitation)).containsOnly("site-editor");
            assertThat(texts(levels(owner), "name")).contains("site-editor");
            assertThat(setup.auditCount(firm)).isEqualTo(auditBefore);

            try (EventReceiver app = new EventReceiver()) {
                JsonNode subscriber = assertStatus(owner.post("/event-subscribers", Map.of("url", app.url(),
                        "eventTypes", List.of("level.deleted", "grant.changed", "portal.membership_changed"))), 201)
                        .json();
                app.trust(subscriber.get("secret").asText());

                assertStatus(owner.delete("/levels/site-editor?moveTo=read-only"), 204);

                assertThat(placesNaming(shop, guest, pendingGuest, invitation)).containsOnly("read-only");
                assertThat(texts(levels(owner), "name")).doesNotContain("site-editor");
                assertThat(claimedLevels(max)).containsEntry(shop, "read-only");
                assertThat(decision(max, "write", shop)).isFalse();
                assertThat(decision(max, "read", shop)).isTrue();
                assertThat(portalClaimLevels(guest)).containsOnly("read-only");
                assertThat(decision(guest.id(), "write", shop)).isFalse();
                assertThat(decision(guest.id(), "read", shop)).isTrue();

                List<Received> events = app.awaitAccepted(3);
                assertThat(events).extracting(Received::type)
                        .containsExactly("grant.changed", "portal.membership_changed", "level.deleted");
                JsonNode deleted = events.get(2).body().get("data");
                assertThat(deleted.get("targetId").asText()).isEqualTo("site-editor");
                assertThat(deleted.at("/after/movedTo").asText()).isEqualTo("read-only");
                for (String place : List.of("grants", "portalMemberships", "portalInvitations", "staffInvitations",
                        "joinerGrants")) {
                    assertThat(deleted.at("/before/" + place).asInt()).as(place).isEqualTo(1);
                    assertThat(deleted.at("/after/" + place).asInt()).as(place).isEqualTo(1);
                }
                assertThat(events.get(0).body().at("/data/after/level").asText()).isEqualTo("read-only");
                assertStatus(owner.delete("/event-subscribers/" + subscriber.get("id").asText()), 204);
            }
        }

        @Test
        void anUnusedLevelIsDeletedWithoutAMove() {
            assertStatus(owner.post("/levels", Map.of("name", "spare")), 201);

            assertStatus(owner.delete("/levels/spare"), 204);

            assertThat(texts(levels(owner), "name")).doesNotContain("spare");
            assertError(owner.delete("/levels/spare"), 404, "not_found");
        }
    }

    @Nested
    class GivenBadInput {

        @Test
        void namesTakenEmptyTooLongOrMalformedAreRefusedAndNothingIsStored() {
            assertStatus(owner.post("/levels", Map.of("name", "reviewer")), 201);
            JsonNode before = levels(owner);

            assertError(owner.post("/levels", Map.of("name", "reviewer", "write", true)), 409, "conflict",
                    "level_name_taken");
            assertError(owner.post("/levels", Map.of("name", "read-only")), 409, "conflict", "level_name_taken");
            assertError(owner.post("/levels", Map.of("name", "")), 400, "invalid_request");
            assertError(owner.post("/levels", Map.of("name", "x".repeat(65))), 400, "invalid_request");
            assertError(owner.post("/levels", Map.of("name", "a=b")), 400, "invalid_request");

            assertThat(levels(owner)).isEqualTo(before);
        }

        @Test
        void aGrantOfAnUndefinedLevelIsRefused() {
            String business = setup.business(firm, "Strict Ltd");

            assertError(setup.asRealmAdmin(firm).put("/businesses/" + business + "/grants/users/" + max.id(),
                    Map.of("level", "no-such-level")), 400, "invalid_request");
            assertThat(texts(setup.asRealmAdmin(firm).get("/businesses/" + business + "/grants"), "level")).isEmpty();
        }

        @Test
        void aFirmDefinesNoMoreLevelsThanTheLimit() {
            Firm crowded = setup.newFirm("Crowded Partners");
            Client crowdedOwner = setup.as(setup.staff(crowded, "owen", "owner"), crowded);
            for (int i = 0; i < 20; i++) {
                assertStatus(crowdedOwner.post("/levels", Map.of("name", "level-" + i)), 201);
            }

            assertError(crowdedOwner.post("/levels", Map.of("name", "one-too-many")), 409, "conflict", "level_limit");
            assertThat(texts(levels(crowdedOwner), "name")).hasSize(22).doesNotContain("one-too-many");
        }
    }

    @Nested
    class GivenSomeoneElse {

        @Test
        void adminsAndMembersCannotDefineOrDeleteLevels() {
            assertStatus(owner.post("/levels", Map.of("name", "kept")), 201);
            Client admin = setup.as(setup.staff(firm, "adam", "admin"), firm);
            Client member = setup.as(max, firm);

            assertError(admin.post("/levels", Map.of("name", "by-admin")), 403, "access_denied");
            assertError(member.post("/levels", Map.of("name", "by-member")), 403, "access_denied");
            assertError(member.delete("/levels/kept"), 403, "access_denied");
            assertThat(texts(levels(owner), "name")).contains("kept").doesNotContain("by-admin", "by-member");
        }

        @Test
        void anotherFirmNeitherSeesNorGrantsTheLevel() {
            assertStatus(owner.post("/levels", Map.of("name", "private-level")), 201);
            Client otherOwner = setup.as(setup.staff(other, "oscar", "owner"), other);
            String business = setup.business(other, "Foreign Ltd");

            assertThat(texts(levels(otherOwner), "name")).doesNotContain("private-level");
            assertError(otherOwner.delete("/levels/private-level"), 404, "not_found");
            assertError(setup.asRealmAdmin(other).put("/businesses/" + business + "/grants/users/" + max.id(),
                    Map.of("level", "private-level")), 400, "invalid_request");
            assertThat(texts(levels(owner), "name")).contains("private-level");
        }

        @Test
        void bulkSharesAndJoinerRulesTakeTheFirmsLevelWhileAnotherFirmRefusesIt() {
            assertStatus(owner.post("/levels", Map.of("name", "payroll-clerk")), 201);
            String business = setup.business(firm, "Bulk Ltd");
            Person otherOwner = setup.staff(other, "owen", "owner");
            String foreign = setup.business(other, "Foreign bulk Ltd");

            assertStatus(owner.post("/grants", bulk(business, max, "payroll-clerk")), 200);
            assertStatus(owner.put("/sso/joiner-rules", joinerRules(business, "payroll-clerk")), 200);
            Client otherFirm = setup.as(otherOwner, other);
            assertError(otherFirm.post("/grants", bulk(foreign, otherOwner, "payroll-clerk")), 400, "invalid_request");
            assertError(otherFirm.put("/sso/joiner-rules", joinerRules(foreign, "payroll-clerk")), 400,
                    "invalid_request");

            assertThat(texts(setup.asRealmAdmin(firm).get("/businesses/" + business + "/grants"), "level"))
                    .containsExactly("payroll-clerk");
            assertThat(texts(setup.asRealmAdmin(other).get("/businesses/" + foreign + "/grants"), "level")).isEmpty();
            assertThat(assertStatus(otherFirm.get("/sso"), 200).json().get("joinerRules").get("grants")).isEmpty();
        }

        @Test
        void aRealmAdministratorManagesTheLevelsThroughTheAdminApi() {
            assertStatus(setup.asRealmAdmin(firm).post("/levels", Map.of("name", "by-realm-admin")), 201);

            assertThat(texts(levels(owner), "name")).contains("by-realm-admin");
            assertStatus(setup.asRealmAdmin(firm).delete("/levels/by-realm-admin"), 204);
        }
    }
}
