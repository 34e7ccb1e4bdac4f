package dev.firmaccess.it.outbox;

import static dev.firmaccess.it.support.Replies.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.it.portal.AtOnce;
import dev.firmaccess.it.support.OneFirmTest;
import dev.firmaccess.testing.Eventually;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.MailCatcher;
import dev.firmaccess.testing.WithSharedServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Invitation emails leave through the outbox: after the change commits, retried while SMTP is down, once. */
@WithSharedServer
class MailOutboxIT extends OneFirmTest {

    private String businessId;

    MailOutboxIT() {
        super("outbox", "Outbox & Co");
    }

    @BeforeAll
    void setUp() {
        businessId = setup.business(firm, "Bakery Ltd");
    }

    @Nested
    class GivenTheSmtpServerIsDown {

        @Test
        void theInvitationIsCreatedNotSentAndItsMailArrivesOnceWhenTheServerIsBack() {
            MailCatcher later = new MailCatcher();
            Map<String, String> working = setup.realm().useSmtp(later.realmSmtpSettings());
            try {
                String email = unique("down");
                JsonNode invitation = inviteStaff(email);
                String id = invitation.get("id").asText();
                assertThat(invitation.get("deliveryStatus").asText()).isEqualTo("not_sent");
                // a failed attempt lifts the resend cooldown, so the first attempt is seen to have failed
                Eventually.until(() -> invitation(id), view -> !view.hasNonNull("resendAllowedAt"),
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
                setup.realm().useSmtp(working);
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

            // plain HTTP: a transaction that loses the race at its commit answers with Keycloak's own error
            String path = setup.firmApiBase() + "/firms/" + firm.id() + "/portal/invitations";
            String token = setup.token(olivia);
            List<Integer> statuses = AtOnce.all(4, () -> http.post(path, token, body)).stream()
                    .map(HttpJson.Reply::status).toList();

            assertThat(statuses).containsOnlyOnce(201);
            assertThat(statuses).filteredOn(status -> status != 201)
                    .allSatisfy(status -> assertThat(status).isGreaterThanOrEqualTo(400));
            String next = unique("after-tabs");
            mail.assertNoMailTo(() -> inviteStaff(next), next);
            assertThat(mail.messagesTo(email)).hasSize(1);
            assertThat(assertStatus(owner.get("/portal/memberships?search=" + email), 200).json()).hasSize(1);
        }
    }

    private JsonNode inviteStaff(String email) {
        return assertStatus(owner.post("/invitations", Map.of("invitees", List.of(Map.of("email", email)),
                "role", "member")), 201).json().get(0);
    }

    private JsonNode invitation(String id) {
        return assertStatus(owner.get("/invitations/" + id), 200).json();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 6) + "@invitee.test";
    }
}
