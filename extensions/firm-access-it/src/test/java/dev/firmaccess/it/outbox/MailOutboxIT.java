package dev.firmaccess.it.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.it.portal.AtOnce;
import dev.firmaccess.testing.Eventually;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.MailCatcher;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.WithSharedServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.keycloak.representations.idm.RealmRepresentation;

/** Invitation emails leave through the outbox: after the change commits, retried while SMTP is down, once. */
@WithSharedServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailOutboxIT {

    private HttpJson http;
    private MailCatcher mail;
    private TestRealm realm;
    private String api;
    private String ownerToken;
    private String businessId;

    @BeforeAll
    void setUp(TestEnvironment env) {
        http = env.http();
        mail = env.mail();
        realm = env.newRealm("outbox");
        String firmId = realm.createFirm("Outbox & Co", "outbox");
        String owner = realm.createUser("olivia");
        realm.addMember(firmId, owner);
        ok(http.put("/admin/realms/" + realm.name() + "/firm-access/firms/outbox/staff/" + owner + "/role",
                realm.adminToken(), Map.of("role", "owner")));
        api = "/realms/" + realm.name() + "/firm-access/api/v1/firms/outbox";
        ownerToken = realm.accessToken("olivia");
        businessId = ok(http.post(api + "/businesses", ownerToken, Map.of("name", "Bakery Ltd"))).json().get("id")
                .asText();
    }

    @Nested
    class GivenTheSmtpServerIsDown {

        @Test
        void theInvitationIsCreatedNotSentAndItsMailArrivesOnceWhenTheServerIsBack() {
            MailCatcher later = new MailCatcher();
            Map<String, String> working = useSmtp(later.realmSmtpSettings());
            try {
                String email = unique("down");
                JsonNode invitation = inviteStaff(email);
                String id = invitation.get("id").asText();
                assertThat(invitation.get("deliveryStatus").asText()).isEqualTo("not_sent");
                // a failed attempt lifts the resend cooldown, so the first attempt is seen to have failed
                Eventually.until(() -> invitation(id), view -> view.get("resendAllowedAt").isNull(),
                        Duration.ofSeconds(30), "attempted");
                assertThat(invitation(id).get("deliveryStatus").asText()).isEqualTo("not_sent");

                later.start();

                assertThat(later.awaitMessageTo(email, Duration.ofSeconds(60)).subject()).contains("Outbox & Co");
                Eventually.until(() -> invitation(id).get("deliveryStatus").asText(), "sent"::equals,
                        Duration.ofSeconds(30), "sent");
                String next = unique("next");
                inviteStaff(next);
                later.awaitMessageTo(next, Duration.ofSeconds(30));
                assertThat(later.messagesTo(email)).hasSize(1);
                assertThat(mail.messagesTo(email)).isEmpty();
            } finally {
                useSmtp(working);
                later.close();
            }
        }
    }

    @Nested
    class GivenTheChangeIsRolledBack {

        @Test
        void invitingTheSameAddressFromManyTabsAtOnceCreatesOneMembershipAndSendsOneMail() {
            String email = unique("tabs");
            Map<String, Object> body = Map.of("businessId", businessId, "role", "guest",
                    "invitees", List.of(Map.of("email", email)));

            List<Integer> statuses = AtOnce.all(4, () -> http.post(api + "/portal/invitations", ownerToken, body))
                    .stream().map(HttpJson.Reply::status).toList();

            assertThat(statuses).containsOnlyOnce(201);
            assertThat(statuses).filteredOn(status -> status != 201).allSatisfy(status ->
                    assertThat(status).isGreaterThanOrEqualTo(400));
            String next = unique("after-tabs");
            mail.assertNoMailTo(() -> inviteStaff(next), next);
            assertThat(mail.messagesTo(email)).hasSize(1);
            JsonNode memberships = ok(http.get(api + "/portal/memberships?search=" + email, ownerToken)).json();
            assertThat(memberships).hasSize(1);
        }
    }

    /** Points the realm's mail at {@code settings}; answers the settings it had. */
    private Map<String, String> useSmtp(Map<String, String> settings) {
        RealmRepresentation rep = realm.admin().toRepresentation();
        Map<String, String> before = new HashMap<>(rep.getSmtpServer());
        rep.setSmtpServer(new HashMap<>(settings));
        realm.admin().update(rep);
        return before;
    }

    private JsonNode inviteStaff(String email) {
        HttpJson.Reply reply = http.post(api + "/invitations", ownerToken,
                Map.of("invitees", List.of(Map.of("email", email)), "role", "member"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get(0);
    }

    private JsonNode invitation(String id) {
        return ok(http.get(api + "/invitations/" + id, ownerToken)).json();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 6) + "@invitee.test";
    }

    private static HttpJson.Reply ok(HttpJson.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isBetween(200, 299);
        return reply;
    }
}
