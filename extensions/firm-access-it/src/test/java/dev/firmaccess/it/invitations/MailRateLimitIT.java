package dev.firmaccess.it.invitations;

import static dev.firmaccess.it.support.Replies.assertError;
import static dev.firmaccess.it.support.Replies.assertStatus;
import static dev.firmaccess.it.support.Replies.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.it.support.Client;
import dev.firmaccess.it.support.Firm;
import dev.firmaccess.it.support.FirmSetupTest;
import dev.firmaccess.it.support.Person;
import dev.firmaccess.testing.HttpJson.Reply;
import dev.firmaccess.testing.WithSharedServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The realm's invitation email limits per firm and per person: over either, the request is a 429
 * with Retry-After, and nobody is invited or mailed; other people and other firms go on.
 */
@WithSharedServer
class MailRateLimitIT extends FirmSetupTest {

    private static final int PER_PERSON = 2;
    private static final int PER_FIRM = 3;

    private final AtomicInteger sequence = new AtomicInteger();

    MailRateLimitIT() {
        super("mail-rate");
    }

    @BeforeAll
    void setUp() {
        setup.updateSettings(Map.of("mailsPerUserPerHour", PER_PERSON, "mailsPerFirmPerHour", PER_FIRM));
    }

    @Test
    void theSettingsShowTheLimitsAndRefuseAZeroLimit() {
        Reply settings = assertStatus(setup.realmAdmin().get("/settings"), 200);
        assertThat(settings.json().get("mailsPerUserPerHour").asInt()).isEqualTo(PER_PERSON);
        assertThat(settings.json().get("mailsPerFirmPerHour").asInt()).isEqualTo(PER_FIRM);

        assertError(setup.realmAdmin().put("/settings", Map.of("mailsPerFirmPerHour", 0)), 400, "invalid_request");
        assertThat(setup.realmAdmin().get("/settings").json().get("mailsPerFirmPerHour").asInt()).isEqualTo(PER_FIRM);
    }

    @Test
    void aPersonOverTheirLimitGets429AndNothingIsCreatedOrSentWhileOthersAndOtherFirmsGoOn() {
        Firm firm = setup.newFirm("Busy Books");
        Client first = setup.as(setup.staff(firm, "amy", "admin"), firm);
        Client second = setup.as(setup.staff(firm, "ben", "admin"), firm);
        for (int i = 0; i < PER_PERSON; i++) {
            String email = email();
            assertStatus(invite(first, email), 201);
            mail.awaitMessageTo(email, Duration.ofSeconds(30));
        }

        String refusedEmail = email();
        Reply refused = invite(first, refusedEmail);

        assertRateLimited(refused);
        assertThat(invitedEmails(first)).doesNotContain(refusedEmail);

        // Another person of the same firm still has room, until the firm's own limit.
        String colleaguesEmail = email();
        assertStatus(invite(second, colleaguesEmail), 201);
        String overFirmEmail = email();
        assertRateLimited(invite(second, overFirmEmail));
        assertThat(invitedEmails(second)).contains(colleaguesEmail).doesNotContain(overFirmEmail);

        // Another firm has its own budget.
        Firm other = setup.newFirm("Quiet Books");
        Client otherAdmin = setup.as(setup.staff(other, "cid", "admin"), other);
        String otherEmail = email();
        // Its mail comes after the refusals, so the refused addresses' empty mailboxes prove something.
        mail.assertNoMailTo(() -> assertStatus(invite(otherAdmin, otherEmail), 201), otherEmail,
                refusedEmail, overFirmEmail);
    }

    @Test
    void portalInvitationsCountTooAndAnOversizedRequestCreatesNoMembership() {
        Firm firm = setup.newFirm("Portal Books");
        Person admin = setup.staff(firm, "dee", "admin");
        Client client = setup.as(admin, firm);
        String business = setup.business(firm, "Corner Shop");
        List<String> emails = List.of(email(), email(), email());

        Reply refused = client.post("/portal/invitations", Map.of("businessId", business, "role", "guest",
                "invitees", emails.stream().map(email -> Map.of("email", email)).toList()));

        assertRateLimited(refused);
        assertThat(texts(assertStatus(client.get("/portal/memberships?business=" + business), 200), "email"))
                .doesNotContainAnyElementsOf(emails);

        // The mail of the invitation within the limit comes after the refusal: only then is absence proven.
        mail.assertNoMailTo(() -> assertStatus(client.post("/portal/invitations", Map.of("businessId", business,
                "role", "guest", "invitees", List.of(Map.of("email", emails.get(0))))), 201), emails.get(0),
                emails.get(1), emails.get(2));
        assertThat(mail.messagesTo(emails.get(0))).hasSize(1);
    }

    private static Reply invite(Client client, String email) {
        return client.post("/invitations", Map.of("invitees", List.of(Map.of("email", email)), "role", "member"));
    }

    private static List<String> invitedEmails(Client client) {
        return texts(assertStatus(client.get("/invitations?max=1000"), 200), "email");
    }

    private static void assertRateLimited(Reply reply) {
        assertError(reply, 429, "too_many_requests", "too_many_mails");
        assertThat(reply.json().get("error_description").asText()).contains("invitation emails in the last hour");
        assertThat(Long.parseLong(reply.header("Retry-After"))).isBetween(1L, 3600L);
    }

    private String email() {
        return "rate-" + sequence.incrementAndGet() + "-" + System.nanoTime() + "@example.test";
    }
}
