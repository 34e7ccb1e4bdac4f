package dev.firmaccess.it.events;

import static dev.firmaccess.it.support.Replies.assertError;
import static dev.firmaccess.it.support.Replies.assertStatus;
import static dev.firmaccess.it.support.Replies.totalCount;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firmaccess.it.events.EventReceiver.Received;
import dev.firmaccess.it.invitations.Browser;
import dev.firmaccess.it.invitations.InvitationPage;
import dev.firmaccess.it.portal.ActivationPage;
import dev.firmaccess.it.portal.PortalBrowser;
import dev.firmaccess.it.support.Client;
import dev.firmaccess.it.support.Firm;
import dev.firmaccess.it.support.FirmFixture;
import dev.firmaccess.it.support.OneFirmTest;
import dev.firmaccess.it.support.Person;
import dev.firmaccess.it.support.TextBody;
import dev.firmaccess.keycloak.events.AccessEventType;
import dev.firmaccess.testing.Eventually;
import dev.firmaccess.testing.OpenApiContract;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.WithSharedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Apps registered as subscribers hear about every change of access, signed, once, in order. */
@WithSharedServer
class AccessEventsIT extends OneFirmTest {

    /** Every type a subscriber can ask for, from the server's own catalogue, so a new type cannot be missed here. */
    private static final List<String> ALL_TYPES = Arrays.stream(AccessEventType.values())
            .map(AccessEventType::wireName).toList();

    private static final OpenApiContract CONTRACT = OpenApiContract.fromProviderJar(TestEnvironment.providerJar());
    private static final Path PROJECT_ROOT = Path.of(System.getProperty("firm-access.project.root"));

    private final EventReceiver receiver = new EventReceiver();
    private Client member;
    private Client otherOwner;
    private Client realmAdmin;

    AccessEventsIT() {
        super("events", "Events & Co");
    }

    @BeforeAll
    void setUp() {
        member = setup.as(setup.staff(firm, "mia", "member"), firm);
        Firm otherFirm = setup.newFirm("Other Books");
        otherOwner = setup.as(setup.staff(otherFirm, "otto", "owner"), otherFirm);
        realmAdmin = setup.asRealmAdmin(firm);
        assertStatus(setup.realmAdmin().put("/settings", Map.of("accessLevels", List.of("full", "read-only"))), 200);
    }

    @AfterAll
    void stopReceiver() {
        receiver.close();
    }

    @Nested
    class GivenASubscriber {

        @Test
        void eachChangeOfAccessIsPostedOnceSignedAndInTheOrderItWasMade() {
            EventReceiver app = new EventReceiver();
            try {
                String subscriber = subscribe(owner, app, ALL_TYPES);
                Person kim = setup.colleague(firm, "member");
                String business = setup.business(firm, "Harbour Bakery");
                String grant = "/businesses/" + business + "/grants/users/" + kim.id();

                assertStatus(owner.put(grant, Map.of("level", "full")), 200);
                assertStatus(owner.put(grant, Map.of("level", "read-only")), 200);
                assertStatus(owner.delete(grant), 204);
                assertStatus(owner.put("/staff/" + kim.id() + "/role", Map.of("role", "admin")), 200);
                assertStatus(owner.put("/staff/" + kim.id() + "/programmatic-access", Map.of("enabled", false)), 200);
                assertStatus(owner.post("/businesses/" + business + "/archive", null), 200);
                assertStatus(owner.post("/businesses/" + business + "/restore", null), 200);
                assertStatus(owner.delete("/businesses/" + business), 204);
                assertStatus(owner.delete("/staff/" + kim.id()), 204);
                String levelUse = changesOfAFirmLevelUntilItIsDeletedAndOfAPortalMembershipUntilItEnds();

                List<Received> events = app.awaitAccepted(18);
                assertThat(events).extracting(Received::type).containsExactly("staff.added", "grant.added",
                        "grant.changed", "grant.removed", "staff.role_changed", "staff.programmatic_access_changed",
                        "business.archived", "business.restored", "business.deleted", "staff.removed",
                        "staff.added", "team.membership_changed", "grant.added", "portal.membership_started",
                        "grant.changed", "portal.membership_changed", "level.deleted", "portal.membership_ended");
                assertThat(events).extracting(Received::type).as("every type of the catalogue is raised and posted")
                        .containsAll(ALL_TYPES);
                assertThat(events).extracting(Received::id).doesNotHaveDuplicates()
                        .allSatisfy(id -> assertThat(id).startsWith("evt_"));
                assertThat(events).allSatisfy(event -> {
                    assertThat(event.body().get("id").asText()).isEqualTo(event.id());
                    assertThat(event.body().at("/data/firm/id").asText()).isEqualTo(firm.id());
                });
                assertThat(events.get(0).body().at("/data/targetId").asText()).isEqualTo(kim.id());
                assertThat(events.get(3).body().at("/data/targetId").asText()).isEqualTo(business);
                assertThat(events.get(4).body().at("/data/after/role").asText()).isEqualTo("admin");
                assertThat(events.get(8).body().at("/data/targetId").asText()).isEqualTo(business);
                assertThat(events.get(13).body().at("/data/after/status").asText()).isEqualTo("active");
                assertThat(events.get(15).body().at("/data/after/portalMemberships").asInt()).isEqualTo(1);
                assertThat(events.get(16).body().at("/data/after/movedTo").asText()).isEqualTo("read-only");
                assertThat(events.get(17).body().at("/data/targetId").asText()).isEqualTo(levelUse);
                assertThat(events.get(17).body().at("/data/before/level").asText()).isEqualTo("read-only");
                assertThat(events).allSatisfy(event -> CONTRACT.assertWebhookConforms("accessEvent", event.text()));
                assertThat(fieldsOf(events.get(3).body())).as("a grant.removed as posted and as documented")
                        .isEqualTo(fieldsOf(CONTRACT.webhookExample("accessEvent")))
                        .isEqualTo(fieldsOf(documentedBody()));

                JsonNode status = Eventually.until(() -> view(owner, subscriber),
                        view -> view.get("pending").asLong() == 0, Duration.ofSeconds(30), "nothing pending");
                assertThat(status.get("lastDeliveryAt").asLong()).isPositive();
                assertThat(status.get("failures").asInt()).isZero();
                assertThat(status.hasNonNull("secret")).as("the secret is shown once").isFalse();
                assertThat(app.accepted()).as("each change once").hasSize(18);
                unsubscribe(subscriber);
            } finally {
                app.close();
            }
        }

        /**
         * Someone joins a team; a level of the firm's own is granted to a member and to an active
         * portal user, then deleted with its uses moved to {@code read-only}; then the portal user
         * is removed from the workspace. Answers the id of that portal membership.
         */
        private String changesOfAFirmLevelUntilItIsDeletedAndOfAPortalMembershipUntilItEnds() {
            Person lee = setup.colleague(firm, "member");
            setup.join(firm, setup.team(firm, "Harbour crew"), lee);
            assertStatus(owner.post("/levels", Map.of("name", "harbour-editor", "write", true)), 201);
            String shop = setup.business(firm, "Harbour Shop");
            setup.share(firm, shop, lee, "harbour-editor");
            String membership = FirmFixture.activePortalMembership(setup, firm,
                    Map.of("businessId", shop, "role", "owner", "level", "harbour-editor"),
                    "pat-" + System.nanoTime() + "@customer.test");

            assertStatus(owner.delete("/levels/harbour-editor?moveTo=read-only"), 204);
            assertStatus(owner.delete("/portal/memberships/" + membership), 204);
            return membership;
        }

        @Test
        void accessThatGrowsOrEndsWithItsBusinessIsPostedToItsSubscribersOnly() {
            try (EventReceiver app = new EventReceiver(); EventReceiver otherTypes = new EventReceiver()) {
                String subscriber = subscribe(owner, app, List.of("staff.added", "business.restored",
                        "business.deleted", "portal.membership_started"));
                String bystander = subscribe(owner, otherTypes, List.of("business.archived", "grant.removed"));
                String business = setup.business(firm, "Growing Ltd");
                Person added = setup.colleague(firm, "member");
                String invitee = "ivy-" + System.nanoTime() + "@example.test";
                String invitation = assertStatus(owner.post("/invitations", Map.of("invitees",
                        List.of(Map.of("email", invitee)), "role", "member")), 201).json().get(0).get("id").asText();
                String link = assertStatus(owner.post("/invitations/" + invitation + "/link", null), 200).json()
                        .get("link").asText();

                Browser.Page accepted = InvitationPage.open(new Browser(), link)
                        .register("Ivy", "Invited", TestRealm.PASSWORD);
                assertThat(accepted.status()).as("the invitation accepted: %s", accepted).isEqualTo(303);
                Person portalUser = FirmFixture.portalUser(setup, firm, business,
                        "gus-" + System.nanoTime() + "@customer.test");
                String shop = setup.business(firm, "Growing Shop");
                String secondWorkspace = assertStatus(owner.post("/portal/memberships", Map.of("userId",
                        portalUser.id(), "businessId", shop, "role", "owner")), 201).json().get("id").asText();
                assertStatus(owner.post("/businesses/" + business + "/archive", null), 200);
                assertStatus(owner.post("/businesses/" + business + "/restore", null), 200);
                assertStatus(owner.delete("/businesses/" + business), 204);
                setup.share(firm, shop, added, "full");
                assertStatus(owner.delete("/businesses/" + shop + "/grants/users/" + added.id()), 204);

                List<Received> events = app.awaitAccepted(6);
                assertThat(events).extracting(Received::type).containsExactly("staff.added", "staff.added",
                        "portal.membership_started", "portal.membership_started", "business.restored",
                        "business.deleted");
                assertThat(events).extracting(event -> event.body().at("/data/action").asText()).containsExactly(
                        "staff.added", "invitation.accepted", "portal.activated", "portal.added",
                        "business.restored", "business.deleted");
                assertThat(events.get(0).body().at("/data/targetId").asText()).isEqualTo(added.id());
                assertThat(events.get(0).body().at("/data/after/role").asText()).isEqualTo("member");
                assertThat(events.get(0).body().at("/data/actorId").asText()).as("the realm administrator")
                        .isNotEmpty().isNotEqualTo(added.id());
                assertThat(events.get(1).body().at("/data/after/email").asText()).isEqualTo(invitee);
                assertThat(events.get(1).body().at("/data/after/userId").asText()).isNotEmpty();
                assertThat(events.get(2).body().at("/data/after/userId").asText()).isEqualTo(portalUser.id());
                assertThat(events.get(3).body().at("/data/targetId").asText()).isEqualTo(secondWorkspace);
                assertThat(events.get(4).body().at("/data/after/archived").asBoolean()).isFalse();
                assertThat(events.get(5).body().at("/data/targetId").asText()).isEqualTo(business);
                assertThat(events.get(5).body().at("/data/before/name").asText()).isEqualTo("Growing Ltd");
                assertThat(events.get(5).body().get("data").hasNonNull("after")).as("nothing after").isFalse();
                // the bystander's events go out in order of the changes: any queued for it would come before its last
                assertThat(otherTypes.awaitAccepted(2)).extracting(Received::type)
                        .containsExactly("business.archived", "grant.removed");
                assertThat(app.accepted()).as("each change once").hasSize(6);
                unsubscribe(subscriber);
                unsubscribe(bystander);
            }
        }

        @Test
        void aCsvImportOnlyInvitesAndTheActivationThatFollowsStartsTheMembership() {
            try (EventReceiver app = new EventReceiver()) {
                String bakery = setup.business(firm, "Import Bakery");
                String shop = setup.business(firm, "Import Shop");
                String later = setup.business(firm, "Import Later");
                String email = "ida-" + System.nanoTime() + "@customer.test";
                Person portalUser = FirmFixture.portalUser(setup, firm, bakery, email);
                String subscriber = subscribe(owner, app, List.of("portal.membership_started", "business.archived"));

                // the portal user is active already: the import pre-provisions them in another workspace
                JsonNode imported = assertStatus(owner.post("/portal/imports", new TextBody("text/csv",
                        "business,email,role,send\n" + shop + "," + email + ",owner,false\n")), 201).json();
                String membership = imported.get(0).get("id").asText();
                assertThat(imported.get(0).get("status").asText()).isEqualTo("pending");
                assertStatus(owner.post("/businesses/" + later + "/archive", null), 200);

                // a subscriber's events go out in the order of the changes: one of the import would come first
                assertThat(app.awaitAccepted(1)).as("the import started no membership")
                        .extracting(Received::type).containsExactly("business.archived");
                String link = assertStatus(owner.post("/portal/memberships/" + membership + "/link", null), 200)
                        .json().get("url").asText();
                ActivationPage confirm = ActivationPage.open(new PortalBrowser(), link).signIn(email, TestRealm.PASSWORD);
                assertThat(confirm.activate().status()).isEqualTo(303);

                Received started = app.awaitAccepted(2).get(1);
                assertThat(started.type()).isEqualTo("portal.membership_started");
                assertThat(started.body().at("/data/action").asText()).isEqualTo("portal.activated");
                assertThat(started.body().at("/data/targetId").asText()).isEqualTo(membership);
                assertThat(started.body().at("/data/after/userId").asText()).isEqualTo(portalUser.id());
                assertThat(assertStatus(owner.get("/audit?targetId=" + membership), 200).json())
                        .extracting(entry -> entry.get("action").asText())
                        .contains("portal.imported", "portal.activated").doesNotContain("portal.added");
                unsubscribe(subscriber);
            }
        }

        @Test
        void aSubscriberThatIsDownGetsItsEventsInOrderWhenItIsBackWhileOthersGoOn() {
            EventReceiver failing = new EventReceiver();
            EventReceiver healthy = new EventReceiver();
            try {
                String held = subscribe(owner, failing, List.of("team.membership_changed"));
                String helper = subscribe(realmAdmin, healthy, List.of("team.membership_changed"));
                failing.down(true);
                Person lee = setup.colleague(firm, "member");
                String team = setup.team(firm, "Night shift");

                setup.join(firm, team, lee);
                assertStatus(owner.delete("/teams/" + team + "/members/" + lee.id()), 204);
                setup.join(firm, team, lee);

                assertThat(healthy.awaitAccepted(3)).extracting(event -> event.body().at("/data/action").asText())
                        .containsExactly("team.member_added", "team.member_removed", "team.member_added");
                Eventually.until(failing::refusedIds, ids -> ids.size() >= 2, Duration.ofSeconds(30),
                        "retried while down");
                assertThat(failing.refusedIds()).as("only the first event is tried while it fails")
                        .containsOnly(healthy.accepted().get(0).id());
                JsonNode waiting = view(owner, held);
                assertThat(waiting.get("pending").asLong()).isEqualTo(3);
                assertThat(waiting.get("failures").asInt()).isPositive();
                assertThat(waiting.get("lastError").asText()).contains("503");
                assertThat(failing.accepted()).isEmpty();

                failing.down(false);

                assertThat(failing.awaitAccepted(3)).extracting(Received::id)
                        .containsExactlyElementsOf(healthy.accepted().stream().map(Received::id).toList());
                Eventually.until(() -> view(owner, held), view -> view.get("pending").asLong() == 0,
                        Duration.ofSeconds(30), "nothing pending");
                unsubscribe(held);
                unsubscribe(helper);
            } finally {
                failing.close();
                healthy.close();
            }
        }

        @Test
        void anEventIsReplayedByItsIdWithTheSameId() {
            try (EventReceiver app = new EventReceiver()) {
                String subscriber = subscribe(owner, app, List.of("business.archived"));
                String business = setup.business(firm, "Replay Ltd");
                assertStatus(owner.post("/businesses/" + business + "/archive", null), 200);
                Received first = app.awaitAccepted(1).get(0);

                JsonNode replay = assertStatus(owner.post("/event-subscribers/" + subscriber + "/replays",
                        Map.of("eventId", first.id())), 202).json();

                assertThat(replay.get("eventId").asText()).isEqualTo(first.id());
                Received again = app.awaitAccepted(2).get(1);
                assertThat(again.id()).isEqualTo(first.id());
                assertThat(again.body()).isEqualTo(first.body());
                assertError(owner.post("/event-subscribers/" + subscriber + "/replays",
                        Map.of("eventId", "evt_unknown")), 404, "not_found");
                unsubscribe(subscriber);
            }
        }

        @Test
        void aMemberRemovedInKeycloaksOwnOrganizationPagesIsPostedAsARemoval() {
            try (EventReceiver app = new EventReceiver()) {
                String subscriber = subscribe(owner, app, List.of("staff.removed"));
                Person leaver = setup.colleague(firm, "member");

                setup.realm().removeMember(firm.id(), leaver.id());

                Received removal = app.awaitAccepted(1).get(0);
                assertThat(removal.type()).isEqualTo("staff.removed");
                assertThat(removal.body().at("/data/targetId").asText()).isEqualTo(leaver.id());
                assertThat(removal.body().at("/data/before/role").asText()).isEqualTo("member");
                unsubscribe(subscriber);
            }
        }

        @Test
        void aRotationSignsWithBothSecretsUntilItEnds() {
            try (EventReceiver app = new EventReceiver()) {
                String subscriber = subscribe(owner, app, List.of("business.archived"));
                JsonNode rotated = assertStatus(owner.post("/event-subscribers/" + subscriber + "/secret", ""),
                        200).json();
                assertThat(rotated.get("previousSecretSet").asBoolean()).isTrue();
                assertThat(rotated.get("secret").asText()).startsWith("whsec_");
                String business = setup.business(firm, "Rotation Ltd");

                // the app still holds the old secret: the old signature beside the new one lets it in
                assertStatus(owner.post("/businesses/" + business + "/archive", null), 200);

                assertThat(app.awaitAccepted(1).get(0).signatures().split(" ")).hasSize(2);
                JsonNode ended = assertStatus(owner.delete("/event-subscribers/" + subscriber + "/previous-secret"),
                        200).json();
                assertThat(ended.get("previousSecretSet").asBoolean()).isFalse();
                unsubscribe(subscriber);
            }
        }
    }

    @Nested
    class GivenBadInput {

        @Test
        void aBadUrlOrAnUnknownEventTypeIsRefusedAndNothingIsStored() {
            long before = totalCount(assertStatus(owner.get("/event-subscribers"), 200));

            assertError(owner.post("/event-subscribers", Map.of("url", "ftp://127.0.0.1/events",
                    "eventTypes", List.of("grant.removed"))), 400, "invalid_request");
            assertError(owner.post("/event-subscribers", Map.of("url", "not a url",
                    "eventTypes", List.of("grant.removed"))), 400, "invalid_request");
            assertError(owner.post("/event-subscribers", Map.of("url", receiver.url(),
                    "eventTypes", List.of("grant.removed", "firm.exploded"))), 400, "invalid_request");
            assertError(owner.post("/event-subscribers", Map.of("url", receiver.url(), "eventTypes", List.of())),
                    400, "invalid_request");
            assertError(owner.post("/event-subscribers", Map.of("url", receiver.url(),
                    "eventTypes", List.of("grant.removed"), "secret", "hunter2")), 400, "invalid_request");

            assertThat(totalCount(assertStatus(owner.get("/event-subscribers"), 200))).isEqualTo(before);
        }
    }

    @Nested
    class GivenSomeoneWhoIsNotTheFirmsOwner {

        @Test
        void aMemberCannotRegisterOrListSubscribers() {
            long before = totalCount(assertStatus(owner.get("/event-subscribers"), 200));

            assertStatus(member.post("/event-subscribers", Map.of("url", receiver.url(),
                    "eventTypes", List.of("grant.removed"))), 403);
            assertStatus(member.get("/event-subscribers"), 403);

            assertThat(totalCount(assertStatus(owner.get("/event-subscribers"), 200))).isEqualTo(before);
        }

        @Test
        void anotherFirmsOwnerSeesNeitherTheSubscribersNorTheirEvents() {
            String subscriber = subscribe(owner, receiver, List.of("grant.removed"));
            assertThat(assertStatus(realmAdmin.get("/event-subscribers"), 200).json())
                    .extracting(node -> node.get("id").asText()).contains(subscriber);

            assertStatus(otherOwner.get("/event-subscribers/" + subscriber), 404);
            assertStatus(otherOwner.post("/event-subscribers/" + subscriber + "/replays", Map.of("eventId", "evt_x")),
                    404);
            assertStatus(otherOwner.delete("/event-subscribers/" + subscriber), 404);
            assertThat(assertStatus(otherOwner.get("/event-subscribers"), 200).json())
                    .extracting(node -> node.get("id").asText()).doesNotContain(subscriber);
            unsubscribe(subscriber);
        }
    }

    /** Every field of a JSON body, nested ones too, by its JSON pointer. */
    private static Set<String> fieldsOf(JsonNode body) {
        Set<String> fields = new TreeSet<>();
        collectFields("", body, fields);
        return fields;
    }

    private static void collectFields(String at, JsonNode node, Set<String> fields) {
        node.fields().forEachRemaining(field -> {
            String pointer = at + "/" + field.getKey();
            fields.add(pointer);
            collectFields(pointer, field.getValue(), fields);
        });
    }

    /** The event body of the signature example of docs/events.md. */
    private static JsonNode documentedBody() {
        try {
            Matcher body = Pattern.compile("^BODY='(.*)'$", Pattern.MULTILINE)
                    .matcher(Files.readString(PROJECT_ROOT.resolve("docs/events.md")));
            assertThat(body.find()).as("the BODY of the signature example in docs/events.md").isTrue();
            return new ObjectMapper().readTree(body.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers the receiver for the types; it trusts the secret the server made. */
    private String subscribe(Client as, EventReceiver app, List<String> types) {
        JsonNode created = assertStatus(as.post("/event-subscribers", Map.of("url", app.url(), "eventTypes", types)),
                201).json();
        assertThat(created.get("secret").asText()).startsWith("whsec_");
        app.trust(created.get("secret").asText());
        return created.get("id").asText();
    }

    /** Removes a subscriber whose receiver the test closes, so no later change is tried on it. */
    private void unsubscribe(String subscriber) {
        assertStatus(owner.delete("/event-subscribers/" + subscriber), 204);
        assertStatus(owner.get("/event-subscribers/" + subscriber), 404);
    }

    private JsonNode view(Client as, String subscriber) {
        return assertStatus(as.get("/event-subscribers/" + subscriber), 200).json();
    }
}
