package dev.firmaccess.it;

import static dev.firmaccess.it.support.Replies.assertError;
import static dev.firmaccess.it.support.Replies.assertStatus;
import static dev.firmaccess.it.support.Replies.totalCount;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.it.support.Client;
import dev.firmaccess.it.support.Person;
import dev.firmaccess.it.support.StandardFirmTest;
import dev.firmaccess.testing.MailCatcher;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.WithSharedServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every bulk call, upload and per-person collection has an upper bound (docs/security.md, Limits):
 * one past it is refused with the error shape, and nothing of the call is kept.
 */
@WithSharedServer
class LimitsIT extends StandardFirmTest {

    private MailCatcher mail;

    LimitsIT() {
        super("limits");
    }

    @BeforeAll
    void theMailbox(TestEnvironment env) {
        mail = env.mail();
    }

    @Nested
    class GivenABodyOverTheSizeLimit {
        @Test
        void itIs413AndNothingIsCreated() {
            long before = businessCount();

            Map<String, Object> body = Map.of("name", "Big", "padding", "x".repeat(2_000_001));

            assertError(owner.post("/businesses", body), 413, "invalid_request");
            assertThat(businessCount()).isEqualTo(before);
        }
    }

    @Nested
    class GivenABulkShareOverTheGrantLimit {
        @Test
        void itIsRefusedWholeAndNoGrantIsAdded() {
            List<String> before = setup.grantees(fixture.firm(), fixture.unsharedBusiness());
            List<Map<String, Object>> grants = new ArrayList<>();
            // 10,001 items: the first is a real grant, so a refusal that kept part of the call would show.
            grants.add(Map.of("businessId", fixture.unsharedBusiness(), "subjectType", "user",
                    "subjectId", fixture.member().id()));
            for (int i = 0; i < 10_000; i++) {
                grants.add(Map.of("businessId", "b" + i, "subjectType", "user", "subjectId", fixture.member().id()));
            }

            var reply = owner.post("/grants", Map.of("grants", grants));

            assertError(reply, 400, "invalid_request", "bulk_limit");
            assertThat(reply.json().get("error_description").asText()).isEqualTo("At most 10000 grants per call");
            assertThat(setup.grantees(fixture.firm(), fixture.unsharedBusiness())).isEqualTo(before);
        }
    }

    @Nested
    class GivenMoreInviteesThanTheLimit {
        @Test
        void noInvitationIsCreatedAndNoMailSent() {
            List<Map<String, String>> invitees = new ArrayList<>();
            for (int i = 0; i <= 100; i++) {
                invitees.add(Map.of("email", "limit-invitee-" + i + "@example.test"));
            }
            long pendingBefore = totalCount(assertStatus(owner.get("/invitations?max=1"), 200));

            var reply = owner.post("/invitations", Map.of("invitees", invitees, "role", "member"));

            assertError(reply, 400, "invalid_request", "bulk_limit");
            assertThat(reply.json().get("error_description").asText()).isEqualTo("At most 100 invitees per call");
            assertThat(totalCount(assertStatus(owner.get("/invitations?max=1"), 200))).isEqualTo(pendingBefore);
            String later = "limit-later-" + System.nanoTime() + "@example.test";
            mail.assertNoMailTo(() -> assertStatus(owner.post("/invitations",
                    Map.of("invitees", List.of(Map.of("email", later)), "role", "member")), 201), later,
                    "limit-invitee-0@example.test", "limit-invitee-100@example.test");
        }
    }

    @Nested
    class GivenAMemberWithTheMostConnectionKeys {
        @Test
        void aFurtherKeyIsRefusedAndTheCountStays() {
            Person keyHolder = setup.staff(fixture.firm(), "kim", "member");
            Client self = setup.as(keyHolder, fixture.firm());
            String keys = "/staff/" + keyHolder.id() + "/keys";
            for (int i = 0; i < 50; i++) {
                setup.connectionKey(fixture.firm(), keyHolder, "script " + i);
            }

            var reply = setup.asJustSignedIn(keyHolder, fixture.firm()).post(keys, Map.of("name", "one too many"));

            assertError(reply, 409, "conflict");
            assertThat(reply.json().get("error_description").asText()).contains("50 connection keys");
            assertThat(totalCount(assertStatus(self.get(keys + "?max=1"), 200))).isEqualTo(50);
        }
    }

    private long businessCount() {
        return totalCount(setup.asRealmAdmin(fixture.firm()).get("/businesses?archived=any&max=1"));
    }
}
