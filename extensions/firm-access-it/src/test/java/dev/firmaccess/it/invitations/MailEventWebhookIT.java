package dev.firmaccess.it.invitations;

import static dev.firmaccess.it.support.Replies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.it.support.MailEventSender;
import dev.firmaccess.it.support.StaffRoles;
import dev.firmaccess.testing.Eventually;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.WithSharedServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The mail-event webhook in the Standard Webhooks scheme: a message is applied once, while recent,
 * when signed with one of the realm's secrets; everything else is refused and changes nothing.
 */
@WithSharedServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailEventWebhookIT {

    private static final String SECRET = MailEventSender.newSecret();

    private HttpJson http;
    private TestEnvironment env;
    private TestRealm realm;
    private Webhooked firm;

    /** A realm with one firm, its owner, and the webhook of that realm. */
    private record Webhooked(TestRealm realm, String api, String ownerToken, MailEventSender sender) {
    }

    @BeforeAll
    void setUp(TestEnvironment env) {
        this.env = env;
        http = env.http();
        realm = env.newRealm("webhooks");
        firm = firmIn(realm);
        setSecret(realm, Map.of("invitationWebhookSecret", SECRET));
    }

    @Nested
    class GivenASignedRecentMessage {

        @Test
        void itIsAppliedOnceAndItsReplayIsRefused() {
            String id = invite(firm);
            MailEventSender.Message message = MailEventSender.signed(SECRET, bounced(id));
            HttpJson.Reply first = firm.sender().send(message);
            assertThat(first.status()).as(first.toString()).isEqualTo(200);
            assertThat(first.json().get("applied").asInt()).isEqualTo(1);
            assertThat(delivery(firm, id)).isEqualTo("bounced");
            HttpJson.Reply resent = http.post(firm.api() + "/invitations/" + id + "/resend", firm.ownerToken(), "");
            assertThat(resent.status()).as(resent.toString()).isEqualTo(200);

            HttpJson.Reply replayed = firm.sender().send(message);

            assertError(replayed, 409, "replayed_message");
            awaitSent(firm, id);
        }
    }

    @Nested
    class GivenARefusedMessage {

        @Test
        void eachMissingHeaderIsRefusedAndNothingChanges() {
            String id = invite(firm);
            MailEventSender.Message message = MailEventSender.signed(SECRET, bounced(id));

            assertError(firm.sender().send(message.withSignature(null)), 401, "invalid_signature");
            assertError(firm.sender().send(message.withTimestamp(null)), 401, "invalid_signature");
            assertError(firm.sender().send(message.withId(null)), 401, "invalid_signature");
            assertThat(delivery(firm, id)).isEqualTo("sent");
        }

        @Test
        void aWrongSignatureOrAnotherSecretIsRefusedAndNothingChanges() {
            String id = invite(firm);

            MailEventSender.Message message = MailEventSender.signed(SECRET, bounced(id));
            String overAnotherBody = MailEventSender.signed(SECRET, message.id(), Long.parseLong(message.timestamp()),
                    "{}".getBytes(StandardCharsets.UTF_8)).signature();

            assertError(firm.sender().send(MailEventSender.newSecret(), bouncedEvents(id)), 401, "invalid_signature");
            assertError(firm.sender().send(message.withSignature(overAnotherBody)), 401, "invalid_signature");
            assertThat(delivery(firm, id)).isEqualTo("sent");
        }

        @Test
        void aMessageMoreThanFiveMinutesOldOrAheadIsRefusedAndNothingChanges() {
            String id = invite(firm);
            byte[] body = bounced(id);

            // Half a minute past the five-minute tolerance: both clocks count whole seconds, and the
            // server's may tick on between this line and its check (one second past was flaky).
            for (long sentAt : new long[] {now() - 330, now() + 330}) {
                assertError(firm.sender().send(MailEventSender.signed(SECRET, "msg_" + UUID.randomUUID(), sentAt,
                        body)), 401, "invalid_signature");
            }
            assertError(firm.sender().send(MailEventSender.signed(SECRET, body).withTimestamp("yesterday")), 401,
                    "invalid_signature");
            assertThat(delivery(firm, id)).isEqualTo("sent");
        }

        @Test
        void malformedEventsAreRefused() {
            String id = invite(firm);

            assertError(send(firm, "{\"events\": [".getBytes(StandardCharsets.UTF_8)), 400, "invalid_request");
            assertError(send(firm, MailEventSender.json(Map.of("events", List.of()))), 400, "invalid_request");
            assertError(send(firm, MailEventSender.json(Map.of("events", List.of(
                    Map.of("invitationId", id, "event", "exploded"))))), 400, "invalid_request");
            assertError(send(firm, MailEventSender.json(Map.of("events", List.of(Map.of("event", "bounced"))))),
                    400, "invalid_request");
            assertThat(delivery(firm, id)).isEqualTo("sent");
        }

        @Test
        void oneBadEventInABatchAppliesNone() {
            String id = invite(firm);

            HttpJson.Reply refused = send(firm, MailEventSender.json(Map.of("events", List.of(
                    Map.of("invitationId", id, "event", "bounced"),
                    Map.of("invitationId", id, "event", "exploded")))));

            assertError(refused, 400, "invalid_request");
            assertThat(delivery(firm, id)).isEqualTo("sent");
        }

        @Test
        void anInvitationIdOfAnotherRealmChangesNothingThere() {
            TestRealm otherRealm = env.newRealm("webhooks-other");
            Webhooked other = firmIn(otherRealm);
            String theirs = invite(other);

            HttpJson.Reply reply = send(firm, bounced(theirs));

            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            assertThat(reply.json().get("applied").asInt()).isZero();
            assertThat(delivery(other, theirs)).isEqualTo("sent");
        }

        @Test
        void aRealmWithoutASecretRefusesEveryMessage() {
            Webhooked unsigned = firmIn(env.newRealm("webhooks-unset"));
            String id = invite(unsigned);

            HttpJson.Reply refused = unsigned.sender().send(SECRET, bouncedEvents(id));

            assertError(refused, 401, "invalid_signature");
            assertThat(refused.json().get("error_description").asText()).contains("invitationWebhookSecret");
            assertThat(delivery(unsigned, id)).isEqualTo("sent");
        }
    }

    @Nested
    class GivenASecretIsReplaced {

        @Test
        void bothSecretsAreAcceptedUntilTheRotationEnds() {
            Webhooked rotating = firmIn(env.newRealm("webhooks-rotate"));
            String first = MailEventSender.newSecret();
            String second = MailEventSender.newSecret();
            setSecret(rotating.realm(), Map.of("invitationWebhookSecret", first));

            JsonNode settings = setSecret(rotating.realm(), Map.of("invitationWebhookSecret", second));
            assertThat(settings.get("invitationWebhookSecretSet").asBoolean()).isTrue();
            assertThat(settings.get("invitationWebhookPreviousSecretSet").asBoolean()).isTrue();
            String id = invite(rotating);
            assertThat(rotating.sender().send(first, openedEvents(id)).status()).isEqualTo(200);
            assertThat(rotating.sender().send(second, openedEvents(id)).status()).isEqualTo(200);

            settings = setSecret(rotating.realm(), Map.of("invitationWebhookPreviousSecret", ""));
            assertThat(settings.get("invitationWebhookPreviousSecretSet").asBoolean()).isFalse();
            String later = invite(rotating);
            assertError(rotating.sender().send(first, bouncedEvents(later)), 401, "invalid_signature");
            assertThat(delivery(rotating, later)).isEqualTo("sent");
            assertThat(rotating.sender().send(second, bouncedEvents(later)).status()).isEqualTo(200);
            assertThat(delivery(rotating, later)).isEqualTo("bounced");
        }

        @Test
        void aSecretOutsideTheSchemeIsRefusedAndTheCurrentOneStays() {
            Webhooked kept = firmIn(env.newRealm("webhooks-keep"));
            String secret = MailEventSender.newSecret();
            setSecret(kept.realm(), Map.of("invitationWebhookSecret", secret));

            for (String bad : List.of("a-long-plain-password-of-old", "whsec_c2hvcnQ=", "whsec_not base64 at all!")) {
                HttpJson.Reply refused = http.put(settingsPath(kept.realm()), kept.realm().adminToken(),
                        Map.of("invitationWebhookSecret", bad));
                assertError(refused, 400, "invalid_request");
            }

            String id = invite(kept);
            assertThat(kept.sender().send(secret, bouncedEvents(id)).status()).isEqualTo(200);
            assertThat(http.get(settingsPath(kept.realm()), kept.realm().adminToken()).json()
                    .get("invitationWebhookPreviousSecretSet").asBoolean()).isFalse();
        }
    }

    @Nested
    class GivenASecretIsSet {

        @Test
        void noReadOfTheRealmShowsIt() {
            TestRealm secretive = env.newRealm("webhooks-export");
            Webhooked secretFirm = firmIn(secretive);
            String apiSecret = MailEventSender.newSecret();
            setSecret(secretive, Map.of("invitationWebhookSecret", apiSecret));
            String tabSecret = MailEventSender.newSecret();
            // The API's change put the admin console's settings tab in place; saving it there sets a secret too.
            String components = "/admin/realms/" + secretive.name() + "/components";
            JsonNode tab = http.get(components + "?type=org.keycloak.services.ui.extend.UiTabProvider&name=Firm%20Access",
                    secretive.adminToken()).json().get(0);
            ((com.fasterxml.jackson.databind.node.ObjectNode) tab.get("config")).putArray("invitationWebhookSecret")
                    .add(tabSecret);
            HttpJson.Reply saved = http.put(components + "/" + tab.get("id").asText(), secretive.adminToken(), tab);
            assertThat(saved.status()).as(saved.toString()).isEqualTo(204);

            List<String> reads = List.of(
                    http.get(settingsPath(secretive), secretive.adminToken()).body(),
                    http.get("/admin/realms/" + secretive.name(), secretive.adminToken()).body(),
                    http.get("/admin/realms/" + secretive.name() + "/components", secretive.adminToken()).body(),
                    http.post("/admin/realms/" + secretive.name()
                            + "/partial-export?exportClients=true&exportGroupsAndRoles=true",
                            secretive.adminToken(), "").body());
            for (String secret : List.of(apiSecret, tabSecret)) {
                String key = secret.substring("whsec_".length());
                assertThat(reads).noneMatch(read -> read.contains(key));
            }
            // The tab's secret replaced the API's, which stays valid as the previous one.
            String id = invite(secretFirm);
            assertThat(secretFirm.sender().send(tabSecret, openedEvents(id)).status()).isEqualTo(200);
            assertThat(secretFirm.sender().send(apiSecret, bouncedEvents(id)).status()).isEqualTo(200);
            assertThat(delivery(secretFirm, id)).isEqualTo("bounced");
        }
    }

    private Webhooked firmIn(TestRealm target) {
        String firmId = target.createFirm("Ledger & Co", "ledger");
        String owner = target.createUser("olivia");
        target.addMember(firmId, owner);
        StaffRoles.set(http, target, "ledger", owner, "owner");
        return new Webhooked(target, "/realms/" + target.name() + "/firm-access/api/v1/firms/ledger",
                target.accessToken("olivia"), new MailEventSender(http, target.name()));
    }

    private JsonNode setSecret(TestRealm target, Map<String, String> change) {
        HttpJson.Reply reply = http.put(settingsPath(target), target.adminToken(), change);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static String settingsPath(TestRealm target) {
        return "/admin/realms/" + target.name() + "/firm-access/settings";
    }

    private String invite(Webhooked target) {
        String email = "inv-" + UUID.randomUUID().toString().substring(0, 8) + "@invitee.test";
        HttpJson.Reply reply = http.post(target.api() + "/invitations", target.ownerToken(),
                Map.of("invitees", List.of(Map.of("email", email)), "role", "member"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        String id = reply.json().get(0).get("id").asText();
        awaitSent(target, id);
        return id;
    }

    /** The invitation's mail has left through the outbox: the events below are about a sent mail. */
    private void awaitSent(Webhooked target, String id) {
        Eventually.until(() -> delivery(target, id), "sent"::equals, Duration.ofSeconds(30), "sent");
    }

    private String delivery(Webhooked target, String id) {
        HttpJson.Reply reply = http.get(target.api() + "/invitations/" + id, target.ownerToken());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get("deliveryStatus").asText();
    }

    private HttpJson.Reply send(Webhooked target, byte[] body) {
        return target.sender().send(MailEventSender.signed(SECRET, body));
    }

    private static Map<String, Object> bouncedEvents(String id) {
        return Map.of("events", List.of(Map.of("invitationId", id, "event", "bounced")));
    }

    private static Map<String, Object> openedEvents(String id) {
        return Map.of("events", List.of(Map.of("invitationId", id, "event", "opened")));
    }

    private static byte[] bounced(String id) {
        return MailEventSender.json(bouncedEvents(id));
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
