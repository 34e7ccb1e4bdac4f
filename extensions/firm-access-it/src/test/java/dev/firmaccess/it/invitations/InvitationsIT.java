package dev.firmaccess.it.invitations;

import static dev.firmaccess.it.support.Replies.assertError;
import static dev.firmaccess.it.support.Replies.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.it.portal.AtOnce;
import dev.firmaccess.it.support.MailEventSender;
import dev.firmaccess.it.support.OwnRealmTest;
import dev.firmaccess.testing.Eventually;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.MailCatcher;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.WithSharedServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

@WithSharedServer
class InvitationsIT extends OwnRealmTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/firm-access/invitations/accept/[A-Za-z0-9._-]+");
    private static final String SECRET = MailEventSender.newSecret();

    /** Calls whose replies are held to the OpenAPI document. */
    private String api;
    private MailEventSender mailEvents;
    private String ownerToken;
    private String firmId;
    private String businessId;
    private String teamId;

    InvitationsIT() {
        super("invitations");
    }

    @BeforeAll
    void setUp() {
        firmId = firmOwnedByOlivia("Ledger & Co", "ledger");
        setStaffRole("ledger", newStaff(firmId, "adam"), "admin");
        realm.createUser("walter");
        updateSettings(Map.of("invitationWebhookSecret", SECRET));
        api = firmApi("ledger");
        mailEvents = new MailEventSender(http, realm.name());
        ownerToken = realm.accessToken("olivia");
        businessId = ok(checked.post(api + "/businesses", ownerToken, Map.of("name", "Bakery Ltd"))).json().get("id").asText();
        teamId = ok(checked.post(api + "/teams", ownerToken, Map.of("name", "Payroll"))).json().get("id").asText();
    }

    @Nested
    class GivenANewPerson {
        @Test
        void theMailArrivesAndTheyRegisterAndJoinWithRoleGrantsAndTeam() {
            String email = unique("nina");
            JsonNode invitation = invite(ownerToken, email, "admin", List.of(Map.of("businessId", businessId)),
                    List.of(teamId)).get(0);
            // the answer comes before the mail leaves through the outbox
            assertThat(invitation.get("deliveryStatus").asText()).isEqualTo("not_sent");
            assertThat(invitation.get("status").asText()).isEqualTo("pending");

            MailCatcher.ReceivedMail message = mail.awaitMessageTo(email, Duration.ofSeconds(20));
            awaitDelivery(invitation.get("id").asText(), "sent");
            assertThat(message.subject()).contains("Ledger & Co");
            assertThat(message.text()).contains("Olivia Tester").contains("PartnerAdmin").contains("Ledger & Co");
            assertThat(message.html()).contains("href=\"" + linkIn(message));

            InvitationPage page = InvitationPage.open(new Browser(), linkIn(message));
            assertThat(page.kind()).isEqualTo("register");
            assertThat(page.text()).contains(email);
            Browser.Page landed = page.register("Nina", "Newcomer", "S3cret-pass!");

            assertThat(landed.status()).as(landed.body()).isEqualTo(303);
            assertThat(landed.location().toString()).contains("/realms/" + realm.name() + "/account");
            String userId = realm.admin().users().searchByEmail(email, true).get(0).getId();
            JsonNode staff = ok(checked.get(api + "/staff/" + userId, ownerToken)).json();
            assertThat(staff.get("role").asText()).isEqualTo("admin");
            assertThat(staff.get("teams").get(0).get("id").asText()).isEqualTo(teamId);
            assertThat(realm.admin().users().get(userId).toRepresentation().isEmailVerified()).isTrue();
            JsonNode stored = ok(checked.get(api + "/invitations/" + invitation.get("id").asText(), ownerToken)).json();
            assertThat(stored.get("status").asText()).isEqualTo("accepted");
            assertThat(stored.get("acceptedBy").asText()).isEqualTo(userId);
            HttpJson.Reply token = http.postForm("/realms/" + realm.name() + "/protocol/openid-connect/token", Map.of(
                    "grant_type", "password", "client_id", TestRealm.TEST_CLIENT, "username", email,
                    "password", "S3cret-pass!"));
            assertThat(token.status()).as("the new password works").isEqualTo(200);
        }

        @Test
        void aMemberInviteGetsTheDirectGrants() {
            String email = unique("mia");
            invite(ownerToken, email, "member", List.of(Map.of("businessId", businessId)), List.of());
            InvitationPage.open(new Browser(), linkTo(email)).register("Mia", "Member", "S3cret-pass!");

            String userId = realm.admin().users().searchByEmail(email, true).get(0).getId();
            JsonNode access = ok(checked.get(api + "/staff/" + userId + "/access", ownerToken)).json();
            assertThat(access.get("role").asText()).isEqualTo("member");
            assertThat(access.get("businesses").get(0).get("businessId").asText()).isEqualTo(businessId);
        }
    }

    @Nested
    class GivenAnExistingRealmUser {
        @Test
        void theySignInAndJoin() {
            String email = existingUser("erin");
            inviteMember(email);

            InvitationPage page = InvitationPage.open(new Browser(), linkTo(email));
            assertThat(page.kind()).isEqualTo("signIn");
            InvitationPage confirm = page.signIn(email, TestRealm.PASSWORD);
            assertThat(confirm.kind()).isEqualTo("confirm");
            Browser.Page joined = confirm.accept();

            assertJoined(joined, email);
        }

        @Test
        void someoneSignedInAsAnotherUserIsToldSoAndCanSwitch() {
            String email = existingUser("sam");
            inviteMember(email);
            Browser browser = new Browser();
            String link = linkTo(email);
            InvitationPage asWalter = InvitationPage.open(browser, link).signIn("walter", TestRealm.PASSWORD);

            assertThat(asWalter.kind()).isEqualTo("wrongUser");
            assertThat(asWalter.status()).isEqualTo(403);
            assertThat(asWalter.text()).contains("walter@example.test").contains(email);
            assertThat(memberCount("walter@example.test")).isZero();

            InvitationPage afterSwitch = asWalter.switchAccount();
            assertThat(afterSwitch.kind()).isEqualTo("signIn");
            assertJoined(afterSwitch.signIn(email, TestRealm.PASSWORD).accept(), email);
        }

        @Test
        void twoSimultaneousAcceptsGiveOneMembership() throws Exception {
            String email = existingUser("cora");
            inviteMember(email);
            Browser browser = new Browser();
            InvitationPage confirm = InvitationPage.open(browser, linkTo(email)).signIn(email, TestRealm.PASSWORD);
            assertThat(confirm.kind()).isEqualTo("confirm");

            List<Integer> statuses = AtOnce.all(4, confirm::accept).stream().map(Browser.Page::status).toList();

            assertThat(statuses).filteredOn(status -> status == 303).hasSize(1);
            assertThat(memberCount(email)).isEqualTo(1);
        }
    }

    @Nested
    class GivenAnUnusableLink {
        @Test
        void aCancelledInvitationIsRefused() {
            String email = unique("carl");
            String id = inviteMember(email).get("id").asText();
            String link = linkTo(email);
            assertThat(checked.delete(api + "/invitations/" + id, ownerToken).status()).isEqualTo(204);

            InvitationPage page = InvitationPage.open(new Browser(), link);
            assertThat(page.problem()).isEqualTo("firmAccessInvitationCancelled");
            assertThat(checked.delete(api + "/invitations/" + id, ownerToken).status()).isEqualTo(409);
            assertThat(realm.admin().organizations().get(firmId).members().list(-1, -1)).noneMatch(
                    member -> email.equals(member.getEmail()));
        }

        @Test
        void aUsedLinkCannotBeReplayed() {
            String email = unique("rita");
            inviteMember(email);
            String link = linkTo(email);
            InvitationPage.open(new Browser(), link).register("Rita", "Replay", "S3cret-pass!");

            InvitationPage again = InvitationPage.open(new Browser(), link);
            assertThat(again.problem()).isEqualTo("firmAccessInvitationUsed");
            assertThat(memberCount(email)).isEqualTo(1);
        }

        @Test
        void aTamperedLinkIsRefused() {
            String email = unique("tom");
            inviteMember(email);
            String link = linkTo(email);
            char last = link.charAt(link.length() - 2);
            String tampered = link.substring(0, link.length() - 2) + (last == 'A' ? 'B' : 'A') + link.charAt(link.length() - 1);

            assertLinkRefused(tampered, 400, "firmAccessInvitationInvalid", email);
        }

        @Test
        void aLinkOfAnotherRealmIsRefused() {
            withAnotherRealmWithAFirm("other", other -> {
                String email = unique("foreign");
                ok(checked.post("/realms/" + other.name() + "/firm-access/api/v1/firms/other/invitations",
                        other.accessToken("boss"), Map.of("invitees", List.of(Map.of("email", email)))));
                String foreignLink = linkTo(email);
                String here = foreignLink.replace("/realms/" + other.name() + "/", "/realms/" + realm.name() + "/");

                InvitationPage page = InvitationPage.open(new Browser(), here);
                assertThat(page.problem()).isEqualTo("firmAccessInvitationInvalid");
                assertNoUserWithEmail(email);
            });
        }

        @Test
        void aResendMakesTheOlderLinkStale() {
            String email = unique("olga");
            String id = inviteMember(email).get("id").asText();
            String first = linkTo(email);
            webhook(Map.of("events", List.of(Map.of("invitationId", id, "event", "bounced"))));
            ok(checked.post(api + "/invitations/" + id + "/resend", ownerToken, ""));

            String second = linkIn(mail.awaitMessagesTo(email, 2, Duration.ofSeconds(20)).get(1));

            assertThat(InvitationPage.open(new Browser(), first).problem()).isEqualTo("firmAccessInvitationReplaced");
            assertThat(InvitationPage.open(new Browser(), second).kind()).isEqualTo("register");
        }
    }

    @Nested
    class GivenAnotherSitePostsForTheInvitee {

        @Test
        void anAcceptWithoutThePagesTokenOrWithAnotherLinksTokenIsRefusedAndChangesNothing() {
            String email = existingUser("csrf");
            inviteMember(email);
            String otherEmail = existingUser("csrf-other");
            inviteMember(otherEmail);
            Browser browser = new Browser();
            InvitationPage confirm = InvitationPage.open(browser, linkTo(email)).signIn(email, TestRealm.PASSWORD);
            assertThat(confirm.kind()).isEqualTo("confirm");
            String otherLinksToken = InvitationPage.open(browser, linkTo(otherEmail)).formToken("fa-switch");

            for (Map<String, String> forged : List.of(Map.<String, String>of(), Map.of("formToken", ""),
                    Map.of("formToken", otherLinksToken), Map.of("formToken", "not.a.token"))) {
                InvitationPage refused = new InvitationPage(browser,
                        browser.submitNoFollow(confirm.acceptUrl(), forged));
                assertThat(refused.status()).isEqualTo(403);
                assertThat(refused.problem()).isEqualTo("firmAccessInvitationFormExpired");
            }
            assertThat(memberCount(email)).isZero();

            assertJoined(confirm.accept(), email);
        }

        @Test
        void theTokenOfAnotherBrowserIsRefused() {
            String email = existingUser("csrf-browser");
            inviteMember(email);
            String link = linkTo(email);
            String attackersToken = InvitationPage.open(new Browser(), link).signIn(email, TestRealm.PASSWORD)
                    .formToken("fa-accept");
            Browser victim = new Browser();
            InvitationPage confirm = InvitationPage.open(victim, link).signIn(email, TestRealm.PASSWORD);

            InvitationPage refused = new InvitationPage(victim,
                    victim.submitNoFollow(confirm.acceptUrl(), Map.of("formToken", attackersToken)));

            assertThat(refused.problem()).isEqualTo("firmAccessInvitationFormExpired");
            assertThat(memberCount(email)).isZero();
        }

        @Test
        void nobodyIsSignedOutByAGetOrAPostWithoutThePagesToken() {
            String email = existingUser("switch");
            inviteMember(email);
            String link = linkTo(email);
            Browser browser = new Browser();
            InvitationPage asWalter = InvitationPage.open(browser, link).signIn("walter", TestRealm.PASSWORD);
            assertThat(asWalter.kind()).isEqualTo("wrongUser");
            String switchUrl = link + "/switch";

            assertThat(browser.open(switchUrl).status()).isEqualTo(404);
            InvitationPage refused = new InvitationPage(browser, browser.submitNoFollow(switchUrl, Map.of()));
            assertThat(refused.problem()).isEqualTo("firmAccessInvitationFormExpired");
            String tampered = link.substring(0, link.length() - 3) + "AAA";
            InvitationPage tamperedLink = new InvitationPage(browser, browser.submitNoFollow(tampered + "/switch",
                    Map.of("formToken", asWalter.formToken("fa-switch"))));
            assertThat(tamperedLink.status()).isEqualTo(403);

            InvitationPage stillWalter = InvitationPage.open(browser, link);
            assertThat(stillWalter.kind()).isEqualTo("wrongUser");
            assertThat(stillWalter.text()).contains("walter@example.test");
            assertThat(stillWalter.switchAccount().kind()).isEqualTo("signIn");
        }
    }

    @Nested
    class GivenAnAccountThatIsNotProvenToBeTheInvitedAddress {

        @Test
        void aLookAlikeAddressIsAnotherPersonAndCannotAccept() {
            String suffix = UUID.randomUUID().toString().substring(0, 6);
            // Keycloak refuses a non-ASCII local part, so the look-alike is in the domain: dotless ı for i.
            String invited = "iris-" + suffix + "@mail-it.test";
            String lookAlike = "iris-" + suffix + "@mail-\u0131t.test";
            realm.createUser("iris-lookalike-" + suffix, lookAlike, true);
            inviteMember(invited);
            Browser browser = new Browser();

            String link = linkTo(invited);
            assertThat(InvitationPage.open(browser, link).kind()).isEqualTo("register");

            InvitationPage page = InvitationPage.signInThenOpen(browser, link, "iris-lookalike-" + suffix,
                    TestRealm.PASSWORD);

            assertThat(page.kind()).isEqualTo("wrongUser");
            assertThat(memberCount(lookAlike)).isZero();
            assertThat(memberCount(invited)).isZero();
        }

        @Test
        void anUnverifiedAddressMustBeVerifiedBeforeAcceptingAndTheAcceptDoesNotVerifyIt() {
            String username = "unverified-" + UUID.randomUUID().toString().substring(0, 6);
            String email = username + "@example.test";
            String userId = realm.createUser(username, email, true);
            inviteMember(email);
            Browser browser = new Browser();
            String link = linkTo(email);
            InvitationPage confirm = InvitationPage.open(browser, link).signIn(username, TestRealm.PASSWORD);
            assertThat(confirm.kind()).isEqualTo("confirm");
            setEmailVerified(userId, false);

            InvitationPage shown = InvitationPage.open(browser, link);
            assertThat(shown.status()).isEqualTo(403);
            assertThat(shown.problem()).isEqualTo("firmAccessInvitationEmailNotVerified");
            InvitationPage refused = new InvitationPage(browser, confirm.accept());
            assertThat(refused.problem()).isEqualTo("firmAccessInvitationEmailNotVerified");
            assertThat(memberCount(email)).isZero();
            assertThat(realm.admin().users().get(userId).toRepresentation().isEmailVerified()).isFalse();

            setEmailVerified(userId, true);
            assertJoined(InvitationPage.open(browser, link).accept(), email);
        }
    }

    @Nested
    class GivenAnInviteeWhoReadsGerman {
        @Test
        void theMailComesFromTheGermanBundle() {
            String userId = realm.createUser("greta");
            realm.speaks(userId, "de");
            String email = "greta@example.test";

            inviteMember(email);

            MailCatcher.ReceivedMail message = mail.awaitMessageTo(email, Duration.ofSeconds(20));
            assertThat(message.subject()).isEqualTo("Einladung zu Ledger & Co");
            assertThat(message.text()).contains("Hallo Greta").contains("hat Sie eingeladen");
        }
    }

    @Nested
    class GivenAnInviterWhoLostTheRightToGrantTheRole {

        @Test
        void anAdminsInvitationStopsWhenTheAdminIsRemovedAndChangesNothing() {
            String email = existingUser("ian");
            String inviter = invitedByANewAdmin("ada", email, "admin");
            InvitationPage confirm = signedInAtTheLinkTo(email);
            assertThat(confirm.kind()).isEqualTo("confirm");

            ok(http.delete(api + "/staff/" + userIdOf(inviter), ownerToken));
            Browser.Page refused = confirm.accept();

            assertThat(refused.status()).isEqualTo(410);
            assertThat(refused.body()).contains("data-problem=\"firmAccessInvitationInviterLostRights\"");
            assertThat(memberCount(email)).isZero();
            assertThat(ok(http.get(api + "/invitations?email=" + email, ownerToken)).json().get(0).get("status")
                    .asText()).isEqualTo("pending");
        }

        @Test
        void aDemotedAdminsInvitationShowsTheClearPageAndNobodyIsCreated() {
            String email = unique("nell");
            String inviter = invitedByANewAdmin("dora", email, "member");
            String link = linkTo(email);

            ok(http.put(api + "/staff/" + userIdOf(inviter) + "/role", ownerToken, Map.of("role", "member")));
            assertLinkRefused(link, 410, "firmAccessInvitationInviterLostRights", email);
        }

        @Test
        void aRealmAdministratorsInvitationStillWorks() {
            String email = existingUser("rae");
            ok(http.post(adminFirmApi("ledger") + "/invitations", realm.adminToken(),
                    Map.of("invitees", List.of(Map.of("email", email)), "role", "member")));

            Browser.Page joined = signedInAtTheLinkTo(email).accept();

            assertJoined(joined, email);
        }
    }

    @Nested
    class GivenInviteRules {
        @Test
        void anExpiryBeyondTheRealmsInvitationExpiryIsRefusedAndNothingIsSent() {
            String email = unique("late");
            long eightDays = 8L * 24 * 60 * 60 * 1000;

            HttpJson.Reply reply = http.post(api + "/invitations", ownerToken, Map.of("invitees",
                    List.of(Map.of("email", email)), "expiresAt", System.currentTimeMillis() + eightDays));

            assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
            assertThat(reply.json().get("error").asText()).isEqualTo("invalid_request");
            assertThat(reply.json().get("error_description").asText()).contains("7 days");
            assertNoMailTo(email);
            assertThat(ok(http.get(api + "/invitations?email=" + email, ownerToken)).json()).isEmpty();
            invite(ownerToken, Map.of("invitees", List.of(Map.of("email", email)),
                    "expiresAt", System.currentTimeMillis() + eightDays - 2L * 24 * 60 * 60 * 1000));
        }

        @Test
        void anEmailOfAMemberIsRefused() {
            HttpJson.Reply reply = checked.post(api + "/invitations", ownerToken,
                    Map.of("invitees", List.of(Map.of("email", "adam@example.test"))));
            assertError(reply, 409, "conflict");
            assertThat(reply.json().get("code").asText()).isEqualTo("already_member");
        }

        @Test
        void aSecondPendingInvitationIsRefused() {
            String email = unique("paula");
            inviteMember(email);
            HttpJson.Reply reply = checked.post(api + "/invitations", ownerToken,
                    Map.of("invitees", List.of(Map.of("email", email.toUpperCase()))));
            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.json().get("code").asText()).isEqualTo("invitation_pending");
            // the first mail leaves after its commit; a later invitation's mail shows the refused one sent none
            mail.awaitMessageTo(email, Duration.ofSeconds(30));
            assertOneMailTo(email);
        }

        @Test
        void aBulkInviteWithOneMalformedEmailInvitesNobody() {
            String good = unique("bulk");
            HttpJson.Reply reply = checked.post(api + "/invitations", ownerToken, Map.of("invitees",
                    List.of(Map.of("email", good), Map.of("email", "not-an-email"))));

            assertError(reply, 400, "invalid_request");
            assertNoMailTo(good);
            assertThat(ok(checked.get(api + "/invitations?email=" + good, ownerToken)).json()).isEmpty();
        }

        @Test
        void anOversizedNameIsRefused() {
            String email = unique("long");
            HttpJson.Reply reply = checked.post(api + "/invitations", ownerToken, Map.of("invitees",
                    List.of(Map.of("email", email, "firstName", "x".repeat(256)))));
            assertThat(reply.status()).isEqualTo(400);
            assertNoMailTo(email);
        }

        @Test
        void onlyOwnersInviteOwners() {
            String email = unique("otto");
            HttpJson.Reply reply = checked.post(api + "/invitations", realm.accessToken("adam"),
                    Map.of("invitees", List.of(Map.of("email", email)), "role", "owner"));
            assertThat(reply.status()).isEqualTo(403);
            assertNoMailTo(email);
        }

        @Test
        void invitationsAreAuditedAndTheLinkCanBeCopied() {
            String email = unique("copy");
            String id = inviteMember(email).get("id").asText();
            JsonNode link = ok(checked.post(api + "/invitations/" + id + "/link", ownerToken, "")).json();

            assertThat(link.get("link").asText()).contains("/firm-access/invitations/accept/");
            assertThat(InvitationPage.open(new Browser(), link.get("link").asText()).kind()).isEqualTo("register");
            JsonNode audit = ok(checked.get(api + "/audit?targetId=" + id, ownerToken)).json();
            assertThat(audit).extracting(record -> record.get("action").asText())
                    .contains("invitation.created", "invitation.link_copied");
            assertThat(realm.admin().organizations().get(firmId).members().list(-1, -1)).isNotNull();
        }
    }

    @Nested
    class GivenMailDelivery {
        @Test
        void smtpDownKeepsTheInvitationNotSentAndTheOutboxSendsItOnceWhenItIsBack() {
            RealmRepresentation rep = realm.admin().toRepresentation();
            Map<String, String> working = new HashMap<>(rep.getSmtpServer());
            Map<String, String> broken = new HashMap<>(working);
            broken.put("port", String.valueOf(closedPort()));
            rep.setSmtpServer(broken);
            realm.admin().update(rep);
            String email = unique("down");
            String id;
            try {
                JsonNode invitation = inviteMember(email);
                id = invitation.get("id").asText();
                assertThat(invitation.hasNonNull("resendAllowedAt")).isTrue();
                // a failed attempt lifts the resend cooldown: the mail did not go out
                Eventually.until(() -> get(id), view -> !view.hasNonNull("resendAllowedAt"), Duration.ofSeconds(30),
                        "attempted");
                assertThat(delivery(id)).isEqualTo("not_sent");
                assertThat(ok(checked.get(api + "/invitations?deliveryStatus=not_sent&email=" + email, ownerToken))
                        .json()).hasSize(1);
                assertThat(mail.messagesTo(email)).isEmpty();
            } finally {
                rep.setSmtpServer(working);
                realm.admin().update(rep);
            }

            assertThat(mail.awaitMessageTo(email, Duration.ofSeconds(60))).isNotNull();
            awaitDelivery(id, "sent");
            assertOneMailTo(email);
        }

        @Test
        void aResendWithinTheCooldownIsRefusedUntilABounceLiftsIt() {
            String email = unique("bounce");
            JsonNode invitation = inviteMember(email);
            String id = invitation.get("id").asText();

            HttpJson.Reply tooSoon = checked.post(api + "/invitations/" + id + "/resend", ownerToken, "");
            assertError(tooSoon, 429, "too_many_requests");
            assertThat(tooSoon.json().get("code").asText()).isEqualTo("resend_cooldown");
            assertThat(Integer.parseInt(tooSoon.header("Retry-After"))).isBetween(1, 600);

            HttpJson.Reply forged = mailEvents.send(MailEventSender.newSecret(),
                    Map.of("events", List.of(Map.of("invitationId", id, "event", "bounced"))));
            assertThat(forged.status()).isEqualTo(401);
            awaitDelivery(id, "sent");
            assertThat(checked.post(api + "/invitations/" + id + "/resend", ownerToken, "").status()).isEqualTo(429);

            JsonNode applied = webhook(Map.of("events", List.of(Map.of("invitationId", id, "event", "bounced")))).json();
            assertThat(applied.get("applied").asInt()).isEqualTo(1);
            assertThat(delivery(id)).isEqualTo("bounced");
            HttpJson.Reply resent = checked.post(api + "/invitations/" + id + "/resend", ownerToken, "");
            assertThat(resent.status()).isEqualTo(200);
            assertThat(resent.json().get("deliveryStatus").asText()).isEqualTo("not_sent");
            assertThat(resent.json().get("expiresAt").asLong()).isGreaterThan(invitation.get("expiresAt").asLong());
            awaitDelivery(id, "sent");
        }

        @Test
        void providerEventsByAddressUpdateTheStatusAndNeverMoveItBack() {
            String email = unique("opened");
            String id = inviteMember(email).get("id").asText();
            webhook(Map.of("events", List.of(Map.of("email", email, "event", "opened"),
                    Map.of("email", email, "event", "delivered"))));

            assertThat(delivery(id)).isEqualTo("opened");
            assertThat(ok(checked.get(api + "/invitations?deliveryStatus=opened", ownerToken)).json())
                    .extracting(node -> node.get("id").asText()).contains(id);
        }
    }

    /** A new admin of the firm invites the address with the role, without grants; returns the admin's username. */
    private String invitedByANewAdmin(String adminStem, String email, String role) {
        String inviter = staffOfLedger(adminStem, "admin");
        invite(realm.accessToken(inviter), email, role, List.of(), List.of());
        return inviter;
    }

    /** The link opens a page with the status and problem, and nobody is created for the invitee. */
    private void assertLinkRefused(String link, int status, String problem, String email) {
        InvitationPage page = InvitationPage.open(new Browser(), link);
        assertThat(page.status()).isEqualTo(status);
        assertThat(page.problem()).isEqualTo(problem);
        assertNoUserWithEmail(email);
    }

    /** The acceptance answered with its redirect and made the invitee a member of the firm exactly once. */
    private void assertJoined(Browser.Page accepted, String email) {
        assertThat(accepted.status()).isEqualTo(303);
        assertThat(memberCount(email)).isEqualTo(1);
    }

    /** The owner invites one address as a member, with no grants and no teams. */
    private JsonNode inviteMember(String email) {
        return invite(ownerToken, email, "member", List.of(), List.of()).get(0);
    }

    /** The invitation page mailed to an address, after its invitee signs in there in a new browser. */
    private InvitationPage signedInAtTheLinkTo(String email) {
        return InvitationPage.open(new Browser(), linkTo(email)).signIn(email, TestRealm.PASSWORD);
    }

    private List<JsonNode> invite(String token, String email, String role, List<Map<String, String>> grants,
            List<String> teamIds) {
        return invite(token, Map.of("invitees", List.of(Map.of("email", email)), "role", role, "grants", grants,
                "teamIds", teamIds));
    }

    private List<JsonNode> invite(String token, Map<String, Object> body) {
        HttpJson.Reply reply = checked.post(api + "/invitations", token, body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        List<JsonNode> created = new ArrayList<>();
        reply.json().forEach(created::add);
        return created;
    }

    /** Exactly one mail to the address, proven once the mail of a later staff invitation has arrived. */
    private void assertOneMailTo(String address) {
        String later = unique("later");
        inviteMember(later);
        mail.awaitMessageTo(later, Duration.ofSeconds(30));
        assertThat(mail.messagesTo(address)).hasSize(1);
    }

    /** No mail to the addresses, proven once the mail of a later staff invitation has arrived. */
    private void assertNoMailTo(String... addresses) {
        String later = unique("later");
        mail.assertNoMailTo(() -> inviteMember(later), later, addresses);
    }

    private String linkTo(String email) {
        return linkIn(mail.awaitMessageTo(email, Duration.ofSeconds(20)));
    }

    private static String linkIn(MailCatcher.ReceivedMail message) {
        Matcher matcher = LINK.matcher(message.text());
        assertThat(matcher.find()).as("a link in: " + message.text()).isTrue();
        return matcher.group();
    }

    private long memberCount(String email) {
        return realm.admin().organizations().get(firmId).members().list(-1, -1).stream()
                .filter(member -> email.equalsIgnoreCase(member.getEmail())).count();
    }

    private JsonNode get(String id) {
        return ok(checked.get(api + "/invitations/" + id, ownerToken)).json();
    }

    private String delivery(String id) {
        return get(id).get("deliveryStatus").asText();
    }

    private void awaitDelivery(String id, String status) {
        Eventually.until(() -> delivery(id), status::equals, Duration.ofSeconds(30), status);
    }

    private HttpJson.Reply webhook(Object body) {
        return ok(mailEvents.send(SECRET, body));
    }

    /** Creates a staff member of the ledger firm with the role; answers their username. */
    private String staffOfLedger(String name, String role) {
        String username = name + "-" + UUID.randomUUID().toString().substring(0, 6);
        setStaffRole("ledger", newStaff(firmId, username), role);
        return username;
    }

    private String userIdOf(String username) {
        return realm.admin().users().searchByUsername(username, true).get(0).getId();
    }

    /** Creates a realm user who is in no firm; answers their (verified) email. */
    private String existingUser(String name) {
        String username = name + "-" + UUID.randomUUID().toString().substring(0, 6);
        realm.createUser(username);
        return username + "@example.test";
    }

    private void setEmailVerified(String userId, boolean verified) {
        UserRepresentation user = realm.admin().users().get(userId).toRepresentation();
        user.setEmailVerified(verified);
        realm.admin().users().get(userId).update(user);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 6) + "@invitee.test";
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
