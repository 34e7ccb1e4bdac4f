package dev.firmaccess.it.portal;

import static dev.firmaccess.it.support.Replies.assertError;
import static dev.firmaccess.it.support.Replies.ok;
import static dev.firmaccess.it.support.Replies.totalCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.it.support.MailEventSender;
import dev.firmaccess.it.support.OwnRealmTest;
import dev.firmaccess.testing.Eventually;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.MailCatcher;
import dev.firmaccess.testing.OpenApiContract;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.WithSharedServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;

@WithSharedServer
class PortalIT extends OwnRealmTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/firm-access/portal/activate/[A-Za-z0-9._-]+");
    private static final long DAY = 86_400_000L;
    private static final String PASSWORD = "S3cret-pass!";
    private static final String WEBHOOK_SECRET = MailEventSender.newSecret();
    private static final OpenApiContract CONTRACT = OpenApiContract.fromProviderJar(TestEnvironment.providerJar());

    private String api;
    private String adminApi;
    private String ownerToken;
    private String bakery;
    private String florist;
    private String archived;

    PortalIT() {
        super("portal");
    }

    @BeforeAll
    void setUp() {
        String firmId = firmOwnedByOlivia("Ledger & Co", "ledger");
        setStaffRole("ledger", newStaff(firmId, "adam"), "admin");
        String member = newStaff(firmId, "mike");
        newStaff(firmId, "nora");
        adminApi = "/admin/realms/" + realm.name() + "/firm-access";
        ok(put(adminApi + "/settings", realm.adminToken(), Map.of("accessLevels", List.of("full", "read-only"),
                "invitationWebhookSecret", WEBHOOK_SECRET)));
        api = firmApi("ledger");
        ownerToken = realm.accessToken("olivia");
        bakery = business("Bakery Ltd");
        florist = business("Florist GmbH");
        archived = business("Closed Shop");
        ok(post(api + "/businesses/" + archived + "/archive", ownerToken, ""));
        ok(put(api + "/businesses/" + bakery + "/grants/users/" + member, ownerToken, Map.of("level", "read-only")));
        ok(put(api + "/businesses/" + florist + "/grants/users/" + member, ownerToken, Map.of("level", "full")));
    }

    @Nested
    class GivenANewCustomer {
        @Test
        void theMailNamesFirmAndWorkspaceAndActivationCreatesAVerifiedAccountThatSeesTheWorkspace() {
            String email = unique("nina");
            JsonNode membership = invite(ownerToken, Map.of("businessId", bakery, "role", "guest",
                    "message", "Welcome aboard, please upload your receipts.",
                    "invitees", List.of(Map.of("email", email, "firstName", "Nina", "lastName", "Newcomer")))).get(0);
            assertThat(membership.get("status").asText()).isEqualTo("pending");
            // the answer comes before the mail leaves through the outbox
            assertThat(membership.get("delivery").asText()).isEqualTo("not_sent");
            assertThat(membership.get("role").asText()).isEqualTo("guest");
            assertThat(membership.get("level").asText()).isEqualTo("full");
            assertThat(membership.get("businessName").asText()).isEqualTo("Bakery Ltd");
            assertThat(membership.get("expiresAt").asLong())
                    .isCloseTo(System.currentTimeMillis() + 30 * DAY, within(120_000L));

            MailCatcher.ReceivedMail message = mail.awaitMessageTo(email, Duration.ofSeconds(20));
            assertThat(message.subject()).contains("Ledger & Co").contains("Bakery Ltd");
            assertThat(message.text()).contains("Hello Nina").contains("Olivia Tester").contains("Ledger & Co")
                    .contains("Bakery Ltd").contains("Welcome aboard, please upload your receipts.");
            String link = linkIn(message);
            assertThat(message.html()).contains("href=\"" + link);

            ActivationPage page = ActivationPage.open(new PortalBrowser(), link);
            assertThat(page.kind()).isEqualTo("register");
            assertThat(page.text()).contains(email).contains("Bakery Ltd").contains("Ledger & Co");
            PortalBrowser.Answer landed = page.register("Nina", "Newcomer", PASSWORD, PASSWORD);

            assertThat(landed.status()).as(landed.body()).isEqualTo(303);
            assertThat(landed.redirect().getPath()).isEqualTo("/realms/" + realm.name() + "/firm-access/console/portal");
            UserRepresentation user = realm.admin().users().searchByEmail(email, true).get(0);
            assertThat(user.isEmailVerified()).isTrue();
            assertThat(user.getFirstName()).isEqualTo("Nina");
            JsonNode active = ok(get(api + "/portal/memberships/" + membership.get("id").asText(), ownerToken))
                    .json();
            assertThat(active.get("status").asText()).isEqualTo("active");
            assertThat(active.get("userId").asText()).isEqualTo(user.getId());
            assertThat(active.get("activatedAt").asLong()).isPositive();

            JsonNode workspaces = ok(get(workspacesPath(), passwordToken(email))).json();
            assertThat(workspaces).hasSize(1);
            assertThat(workspaces.get(0).get("firm").get("alias").asText()).isEqualTo("ledger");
            assertThat(workspaces.get(0).get("firm").get("name").asText()).isEqualTo("Ledger & Co");
            assertThat(workspaces.get(0).get("business").get("id").asText()).isEqualTo(bakery);
            assertThat(workspaces.get(0).get("role").asText()).isEqualTo("guest");
            assertThat(workspaces.get(0).get("level").asText()).isEqualTo("full");
            assertThat(auditActions(membership.get("id").asText())).contains("portal.invited", "portal.activated");
            assertThat(ok(get(api + "/portal/memberships/" + membership.get("id").asText(), ownerToken)).json()
                    .get("lastLoginAt").asLong()).as("the sign-in for the token is the last login").isPositive();
        }

        @Test
        void twoSimultaneousRegistrationsCreateOneAccount() {
            String email = unique("twin");
            String id = inviteGuest(email, bakery);
            ActivationPage page = ActivationPage.open(new PortalBrowser(), linkTo(email));

            List<Integer> statuses = AtOnce.statuses(4, () -> page.register("Tina", "Twin", PASSWORD, PASSWORD));

            assertThat(statuses).filteredOn(status -> status == 303).hasSize(1);
            assertThat(realm.admin().users().searchByEmail(email, true)).hasSize(1);
            assertThat(status(id)).isEqualTo("active");
        }

        @Test
        void mismatchedPasswordsShowTheFormAgainAndCreateNobody() {
            String email = unique("pia");
            inviteGuest(email, bakery);
            ActivationPage page = ActivationPage.open(new PortalBrowser(), linkTo(email));
            PortalBrowser.Answer refused = page.register("Pia", "Typo", PASSWORD, PASSWORD + "x");

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.html().getElementById("fa-register-error")).isNotNull();
            assertNoUserWithEmail(email);
        }
    }

    @Nested
    class GivenAnExistingRealmUser {
        @Test
        void theySignInConfirmAndLandInThePortal() {
            String email = existingUser("erin");
            inviteGuest(email, bakery);

            ActivationPage page = ActivationPage.open(new PortalBrowser(), linkTo(email));
            assertThat(page.kind()).isEqualTo("signIn");
            ActivationPage confirm = page.signIn(email, TestRealm.PASSWORD);
            assertThat(confirm.kind()).isEqualTo("confirm");
            PortalBrowser.Answer activated = confirm.activate();

            assertThat(activated.status()).isEqualTo(303);
            assertThat(activated.redirect().getPath()).endsWith("/firm-access/console/portal");
            assertThat(ok(get(workspacesPath(), passwordToken(email, TestRealm.PASSWORD))).json()).hasSize(1);
        }

        @Test
        void someoneElseSignedInIsToldSoAndNothingChanges() {
            String email = existingUser("sam");
            String id = inviteGuest(email, bakery);
            String other = existingUser("walt");
            ActivationPage asOther = signedInAtTheLinkTo(email, other);

            assertThat(asOther.kind()).isEqualTo("wrongUser");
            assertThat(asOther.status()).isEqualTo(403);
            assertThat(status(id)).isEqualTo("pending");
            assertThat(asOther.switchAccount().kind()).isEqualTo("signIn");
        }

        @Test
        void anActivationPostedWithoutThePagesTokenIsRefusedAndChangesNothing() {
            String email = existingUser("csrf");
            String id = inviteGuest(email, bakery);
            ActivationPage confirm = confirmPageOfTheLinkTo(email);

            for (Map<String, String> forged : List.of(Map.<String, String>of(), Map.of("formToken", "forged"))) {
                ActivationPage refused = ActivationPage.of(confirm, confirm.postWithOnly("fa-activate", forged));
                assertThat(refused.status()).isEqualTo(403);
                assertThat(refused.problem()).isEqualTo("firmAccessPortalProblem.FORM_EXPIRED");
            }
            assertThat(status(id)).isEqualTo("pending");

            assertThat(confirm.activate().status()).isEqualTo(303);
            assertThat(status(id)).isEqualTo("active");
        }

        @Test
        void aSwitchWithoutThePagesTokenSignsNobodyOut() {
            String email = existingUser("stay");
            inviteGuest(email, bakery);
            String other = existingUser("wanda");
            ActivationPage asOther = signedInAtTheLinkTo(email, other);
            assertThat(asOther.kind()).isEqualTo("wrongUser");

            ActivationPage refused = ActivationPage.of(asOther, asOther.postWithOnly("fa-switch", Map.of()));

            assertThat(refused.problem()).isEqualTo("firmAccessPortalProblem.FORM_EXPIRED");
            assertThat(asOther.reopen().kind()).isEqualTo("wrongUser");
        }

        @Test
        void anUnverifiedAddressMustBeVerifiedBeforeActivatingAndStaysUnverified() {
            String name = "unverified-" + suffix();
            String email = name + "@example.test";
            String userId = realm.createUser(name, email, false);
            String id = inviteGuest(email, bakery);

            ActivationPage page = signedInAtTheLinkTo(email, email);

            assertThat(page.status()).isEqualTo(403);
            assertThat(page.problem()).isEqualTo("firmAccessPortalProblem.EMAIL_NOT_VERIFIED");
            assertThat(status(id)).isEqualTo("pending");
            assertThat(realm.admin().users().get(userId).toRepresentation().isEmailVerified()).isFalse();
        }

        @Test
        void twoSimultaneousActivationsGiveOneResult() {
            String email = existingUser("cora");
            String id = inviteGuest(email, bakery);
            ActivationPage confirm = confirmPageOfTheLinkTo(email);

            List<Integer> statuses = AtOnce.statuses(4, confirm::activate);

            assertThat(statuses).filteredOn(status -> status == 303).hasSize(1);
            assertThat(statuses).filteredOn(status -> status != 303).containsOnly(410);
            assertThat(status(id)).isEqualTo("active");
            assertThat(auditActions(id)).filteredOn("portal.activated"::equals).hasSize(1);
        }
    }

    @Nested
    class GivenPreProvisionedOwners {
        @Test
        void theyGetNoMailUntilInviteOwnersSendsIt() {
            String first = unique("owner-a");
            String second = unique("owner-b");
            List<JsonNode> created = preProvisionOwners(florist, first, second);
            assertThat(created).allSatisfy(m -> {
                assertThat(m.get("delivery").asText()).isEqualTo("not_sent");
                assertThat(m.hasNonNull("invitedAt")).isFalse();
                assertThat(m.hasNonNull("expiresAt")).isFalse();
                assertThat(m.get("status").asText()).isEqualTo("pending");
            });
            assertNoMailTo(first);

            JsonNode sent = ok(post(api + "/businesses/" + florist + "/portal/invite-owners", ownerToken, ""))
                    .json();
            assertThat(sent).extracting(m -> m.get("email").asText()).contains(first, second);
            assertThat(sent).allSatisfy(m -> assertThat(m.hasNonNull("invitedAt")).isTrue());
            assertThat(mail.awaitMessageTo(first, Duration.ofSeconds(20)).text()).contains("Florist GmbH");
            assertThat(mail.awaitMessageTo(second, Duration.ofSeconds(20))).isNotNull();
            sent.forEach(m -> awaitDelivery(m.get("id").asText(), "sent"));
            JsonNode again = ok(post(api + "/businesses/" + florist + "/portal/invite-owners", ownerToken, ""))
                    .json();
            assertThat(again).extracting(m -> m.get("email").asText()).doesNotContain(first, second);
        }

        @Test
        void sendDeliversTheFirstMailAndAResendWithinTheCooldownIs429() {
            String email = unique("owner-c");
            String id = preProvisionedOwner(bakery, email);

            JsonNode sent = ok(asOwnerOnMembership(id, "send")).json();
            assertThat(sent.get("delivery").asText()).isEqualTo("not_sent");
            assertThat(sent.get("invitedAt").asLong()).isPositive();
            assertThat(sent.get("resendAvailableAt").asLong()).isGreaterThan(System.currentTimeMillis());
            assertThat(mail.awaitMessageTo(email, Duration.ofSeconds(20))).isNotNull();
            awaitDelivery(id, "sent");

            HttpJson.Reply tooSoon = asOwnerOnMembership(id, "send");
            assertError(tooSoon, 429, "too_many_requests");
            assertThat(Integer.parseInt(tooSoon.header("Retry-After"))).isBetween(1, 600);
            assertThat(mail.messagesTo(email)).hasSize(1);
            assertThat(auditActions(id)).contains("portal.invited", "portal.sent");

            HttpJson.Reply bounced = mailEvent(Map.of("events", List.of(Map.of("invitationId", id, "event", "bounced"))));
            assertThat(bounced.json().get("applied").asInt()).isEqualTo(1);
            assertThat(membership(id).get("delivery").asText()).isEqualTo("bounced");
            JsonNode resent = ok(asOwnerOnMembership(id, "send")).json();
            assertThat(resent.get("delivery").asText()).isEqualTo("not_sent");
            Eventually.until(() -> mail.messagesTo(email), mails -> mails.size() >= 2, Duration.ofSeconds(30),
                    "mailed again");
            awaitDelivery(id, "sent");
            assertThat(mail.messagesTo(email)).hasSize(2);
            assertThat(auditActions(id)).contains("portal.delivery_changed", "portal.resent");
        }

        @Test
        void theLinkCanBeCopiedBeforeAnyMailAndWorks() {
            String email = unique("owner-d");
            String id = preProvisionedOwner(bakery, email);

            JsonNode link = ok(asOwnerOnMembership(id, "link")).json();
            assertThat(link.get("url").asText()).contains("/firm-access/portal/activate/");
            assertThat(link.get("expiresAt").asLong()).isCloseTo(System.currentTimeMillis() + 30 * DAY,
                    within(120_000L));
            assertThat(ActivationPage.open(new PortalBrowser(), link.get("url").asText()).kind()).isEqualTo("register");
            assertThat(membership(id).get("invitedAt").asLong()).isPositive();
            assertThat(auditActions(id)).contains("portal.link_copied");
            assertNoMailTo(email);
        }

        @Test
        void guestsCannotBePreProvisioned() {
            String email = unique("guest");
            HttpJson.Reply reply = post(api + "/portal/invitations", ownerToken, Map.of("businessId", bakery,
                    "role", "guest", "send", false, "invitees", List.of(Map.of("email", email))));
            assertBadRequestAndNothingCreated(reply, email);
        }
    }

    @Nested
    class GivenAnUnusableLink {
        @Test
        void aCancelledInvitationIsRefusedAndCanBeInvitedAgain() {
            String email = unique("carl");
            String id = inviteGuest(email, bakery);
            String link = linkTo(email);
            assertThat(asOwnerOnMembership(id, "cancel").status()).isEqualTo(204);

            ActivationPage page = ActivationPage.open(new PortalBrowser(), link);
            assertThat(page.status()).isEqualTo(410);
            assertThat(page.problem()).isEqualTo("firmAccessPortalProblem.CANCELLED");
            assertThat(status(id)).isEqualTo("cancelled");
            assertNoUserWithEmail(email);
            assertThat(asOwnerOnMembership(id, "cancel").status()).isEqualTo(409);

            String again = inviteGuest(email, bakery);
            assertThat(status(again)).isEqualTo("pending");
        }

        @Test
        void aUsedLinkCannotBeReplayed() {
            String email = unique("rita");
            inviteGuest(email, bakery);
            String link = linkTo(email);
            ActivationPage.open(new PortalBrowser(), link).register("Rita", "Replay", PASSWORD, PASSWORD);

            ActivationPage again = ActivationPage.open(new PortalBrowser(), link);
            assertThat(again.status()).isEqualTo(410);
            assertThat(again.problem()).isEqualTo("firmAccessPortalProblem.USED");
            assertThat(realm.admin().users().searchByEmail(email, true)).hasSize(1);
        }

        @Test
        void aTamperedLinkIsRefused() {
            String email = unique("tom");
            String id = inviteGuest(email, bakery);
            String link = linkTo(email);
            char last = link.charAt(link.length() - 2);
            String tampered = link.substring(0, link.length() - 2) + (last == 'A' ? 'B' : 'A')
                    + link.charAt(link.length() - 1);

            ActivationPage page = ActivationPage.open(new PortalBrowser(), tampered);
            assertThat(page.status()).isEqualTo(400);
            assertThat(page.problem()).isEqualTo("firmAccessPortalProblem.INVALID");
            // A tampered link's page has no form, so a post to it has no form token of that link either.
            PortalBrowser.Answer posted = new PortalBrowser().post(tampered + "/register", Map.of("firstName", "T",
                    "lastName", "T", "password", PASSWORD, "password-confirm", PASSWORD));
            assertThat(posted.status()).isEqualTo(403);
            assertNoUserWithEmail(email);
            assertThat(status(id)).isEqualTo("pending");
        }

        @Test
        void aResendMakesTheOlderLinkStale() {
            String email = unique("olga");
            String id = preProvisionedOwner(bakery, email);
            String copied = ok(asOwnerOnMembership(id, "link")).json().get("url").asText();
            ok(asOwnerOnMembership(id, "send"));

            assertThat(ActivationPage.open(new PortalBrowser(), copied).problem())
                    .isEqualTo("firmAccessPortalProblem.REPLACED");
            assertThat(ActivationPage.open(new PortalBrowser(), linkTo(email)).kind()).isEqualTo("register");
        }

        @Test
        void aLinkOfAnotherRealmIsRefused() {
            withAnotherRealmWithAFirm("portal-other", other -> {
                String otherApi = "/realms/" + other.name() + "/firm-access/api/v1/firms/other";
                String bossToken = other.accessToken("boss");
                String shop = ok(post(otherApi + "/businesses", bossToken, Map.of("name", "Shop"))).json()
                        .get("id").asText();
                String email = unique("foreign");
                ok(post(otherApi + "/portal/invitations", bossToken, Map.of("businessId", shop, "role", "guest",
                        "invitees", List.of(Map.of("email", email)))));
                String here = linkTo(email).replace("/realms/" + other.name() + "/", "/realms/" + realm.name() + "/");

                ActivationPage page = ActivationPage.open(new PortalBrowser(), here);
                assertThat(page.problem()).isEqualTo("firmAccessPortalProblem.INVALID");
                assertNoUserWithEmail(email);
            });
        }
    }

    @Nested
    class GivenTheExpirySetting {
        @Test
        void portalInvitationExpiryDaysSetsTheLinkExpiry() {
            ok(put(adminApi + "/settings", realm.adminToken(), Map.of("portalInvitationExpiryDays", 1)));
            try {
                String email = unique("short");
                String id = inviteGuest(email, bakery);
                JsonNode membership = membership(id);
                assertThat(membership.get("expiresAt").asLong())
                        .isCloseTo(System.currentTimeMillis() + DAY, within(120_000L));
                assertThat(mail.awaitMessageTo(email, Duration.ofSeconds(20)).text()).contains("expires on");
            } finally {
                ok(put(adminApi + "/settings", realm.adminToken(), Map.of("portalInvitationExpiryDays", 30)));
            }
        }
    }

    @Nested
    class GivenAnActivePortalUser {
        @Test
        void addingThemToASecondWorkspaceSendsNoMailAndRemovalEndsAccessAtOnce() {
            String email = unique("ada");
            String first = inviteGuest(email, bakery);
            String userId = registeredThroughTheLinkTo(email, "Ada", "Active");

            HttpJson.Reply added = post(api + "/portal/memberships", ownerToken,
                    Map.of("userId", userId, "businessId", florist, "role", "owner", "level", "read-only"));
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            assertThat(added.json().get("status").asText()).isEqualTo("active");
            assertThat(added.json().get("level").asText()).isEqualTo("read-only");
            assertThat(mail.messagesTo(email)).hasSize(1);
            String token = passwordToken(email);
            assertThat(ok(get(workspacesPath(), token)).json()).extracting(w -> w.get("business").get("id").asText())
                    .containsExactlyInAnyOrder(bakery, florist);
            assertThat(post(api + "/portal/memberships", ownerToken,
                    Map.of("userId", userId, "businessId", florist, "role", "owner")).status()).isEqualTo(409);

            assertThat(delete(api + "/portal/memberships/" + first, ownerToken).status()).isEqualTo(204);
            assertThat(ok(get(workspacesPath(), token)).json()).extracting(w -> w.get("business").get("id").asText())
                    .containsExactly(florist);
            assertThat(get(api + "/portal/memberships/" + first, ownerToken).status()).isEqualTo(404);
            assertThat(auditActions(first)).contains("portal.removed");
        }

        @Test
        void onlyActivePortalUsersOfTheFirmCanBeAdded() {
            String staffId = realm.admin().users().searchByUsername("nora", true).get(0).getId();
            String pendingEmail = existingUser("penny");
            inviteGuest(pendingEmail, bakery);
            String pendingId = realm.admin().users().searchByEmail(pendingEmail, true).get(0).getId();
            String activeEmail = unique("alma");
            inviteGuest(activeEmail, bakery);
            String activeId = registeredThroughTheLinkTo(activeEmail, "Alma", "Active");
            long floristMemberships = totalCount(ok(get(api + "/portal/memberships?business=" + florist, ownerToken)));

            for (String refused : List.of(staffId, pendingId)) {
                HttpJson.Reply reply = post(api + "/portal/memberships", ownerToken,
                        Map.of("userId", refused, "businessId", florist, "role", "guest"));
                assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            }
            assertThat(totalCount(ok(get(api + "/portal/memberships?business=" + florist, ownerToken))))
                    .isEqualTo(floristMemberships);

            HttpJson.Reply added = post(api + "/portal/memberships", ownerToken,
                    Map.of("userId", activeId, "businessId", florist, "role", "guest"));
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            assertThat(added.json().get("status").asText()).isEqualTo("active");
            assertThat(added.json().get("userId").asText()).isEqualTo(activeId);
        }

        @Test
        void theirTokenOpensNoStaffEndpoint() {
            String email = unique("pete");
            inviteGuest(email, bakery);
            ActivationPage.open(new PortalBrowser(), linkTo(email)).register("Pete", "Portal", PASSWORD, PASSWORD);
            String token = passwordToken(email);

            assertThat(get(api + "/staff", token).status()).isEqualTo(404);
            assertThat(get(api, token).status()).isEqualTo(404);
            assertThat(get(api + "/businesses/" + bakery, token).status()).isEqualTo(404);
            assertThat(get(api + "/portal/memberships", token).status()).isEqualTo(404);
            assertThat(ok(get("/realms/" + realm.name() + "/firm-access/api/v1/firms", token)).json()).isEmpty();
        }
    }

    @Nested
    class GivenRemovalsElsewhere {
        @Test
        void deletingTheBusinessDeletesItsMemberships() {
            String shortLived = business("Short Lived Ltd");
            String id = inviteGuest(unique("gone"), shortLived);
            assertThat(delete(api + "/businesses/" + shortLived, ownerToken).status()).isEqualTo(204);

            assertThat(get(api + "/portal/memberships/" + id, ownerToken).status()).isEqualTo(404);
            assertThat(ok(get(api + "/portal/memberships?business=" + shortLived, ownerToken)).json()).isEmpty();
        }

        @Test
        void deletingTheUserDeletesTheirActiveMemberships() {
            String email = unique("leaver");
            String id = inviteGuest(email, bakery);
            String userId = registeredThroughTheLinkTo(email, "Lee", "Leaver");
            assertThat(status(id)).isEqualTo("active");

            realm.admin().users().delete(userId).close();

            assertThat(get(api + "/portal/memberships/" + id, ownerToken).status()).isEqualTo(404);
        }
    }

    @Nested
    class GivenAMember {
        @Test
        void aBusinessWithoutFullAccessIs404AndAFullOneIsManaged() {
            String memberToken = realm.accessToken("mike");
            String email = unique("viv");
            String onBakery = inviteGuest(email, bakery);

            HttpJson.Reply invite = post(api + "/portal/invitations", memberToken, Map.of("businessId", bakery,
                    "role", "guest", "invitees", List.of(Map.of("email", unique("no")))));
            assertThat(invite.status()).isEqualTo(404);
            assertThat(get(api + "/portal/memberships/" + onBakery, memberToken).status()).isEqualTo(404);
            assertThat(post(api + "/portal/memberships/" + onBakery + "/cancel", memberToken, "").status())
                    .isEqualTo(404);
            assertThat(post(api + "/businesses/" + bakery + "/portal/invite-owners", memberToken, "").status())
                    .isEqualTo(404);

            List<JsonNode> onFlorist = invite(memberToken, Map.of("businessId", florist, "role", "guest",
                    "invitees", List.of(Map.of("email", unique("fay")))));
            JsonNode listed = ok(get(api + "/portal/memberships?max=1000", memberToken)).json();
            assertThat(listed).extracting(m -> m.get("businessId").asText()).containsOnly(florist);
            assertThat(listed).extracting(m -> m.get("id").asText()).contains(onFlorist.get(0).get("id").asText());
        }

        @Test
        void aMemberWithNoGrantSeesAnEmptyListAndGets404() {
            String token = realm.accessToken("nora");
            HttpJson.Reply list = get(api + "/portal/memberships", token);
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.json()).isEmpty();
            assertThat(list.header("X-Total-Count")).isEqualTo("0");
            assertThat(post(api + "/portal/invitations", token, Map.of("businessId", florist, "role", "guest",
                    "invitees", List.of(Map.of("email", unique("no"))))).status()).isEqualTo(404);
        }

        @Test
        void anAdminManagesEveryBusinessAndARealmAdminToo() {
            String email = unique("adm");
            String id = invite(realm.accessToken("adam"), Map.of("businessId", bakery, "role", "guest",
                    "invitees", List.of(Map.of("email", email)))).get(0).get("id").asText();
            HttpJson.Reply viaAdminApi = get(adminApi + "/firms/ledger/portal/memberships/" + id,
                    realm.adminToken());
            assertThat(viaAdminApi.status()).isEqualTo(200);
            assertThat(get(api + "/portal/memberships", null).status()).isEqualTo(401);
        }
    }

    @Nested
    class GivenBadInput {
        @Test
        void aMalformedEmailAmongGoodOnesInvitesNobody() {
            String good = unique("good");
            assertBadRequestAndNothingCreated(post(api + "/portal/invitations", ownerToken, Map.of(
                    "businessId", bakery, "role", "guest",
                    "invitees", List.of(Map.of("email", good), Map.of("email", "not-an-email")))), good);
        }

        @Test
        void duplicatesInTheListAreRefused() {
            String email = unique("dup");
            assertBadRequestAndNothingCreated(post(api + "/portal/invitations", ownerToken, Map.of(
                    "businessId", bakery, "role", "guest",
                    "invitees", List.of(Map.of("email", email), Map.of("email", email.toUpperCase())))), email);
        }

        @Test
        void oversizedNamesAndMessagesAreRefused() {
            String email = unique("long");
            assertBadRequestAndNothingCreated(post(api + "/portal/invitations", ownerToken, Map.of(
                    "businessId", bakery, "role", "guest",
                    "invitees", List.of(Map.of("email", email, "firstName", "x".repeat(256))))), email);
            assertBadRequestAndNothingCreated(post(api + "/portal/invitations", ownerToken, Map.of(
                    "businessId", bakery, "role", "guest", "message", "m".repeat(1001),
                    "invitees", List.of(Map.of("email", email)))), email);
        }

        @Test
        void aMissingOrUnknownRoleOrLevelIsRefused() {
            String email = unique("role");
            assertBadRequestAndNothingCreated(post(api + "/portal/invitations", ownerToken, Map.of(
                    "businessId", bakery, "invitees", List.of(Map.of("email", email)))), email);
            assertBadRequestAndNothingCreated(post(api + "/portal/invitations", ownerToken, Map.of(
                    "businessId", bakery, "role", "admin", "invitees", List.of(Map.of("email", email)))), email);
            assertBadRequestAndNothingCreated(post(api + "/portal/invitations", ownerToken, Map.of(
                    "businessId", bakery, "role", "guest", "level", "godlike",
                    "invitees", List.of(Map.of("email", email)))), email);
            assertBadRequestAndNothingCreated(post(api + "/portal/invitations", ownerToken, "{not json"), email);
            assertBadRequestAndNothingCreated(post(api + "/portal/invitations", ownerToken, Map.of(
                    "role", "guest", "invitees", List.of(Map.of("email", email)))), email);
        }

        @Test
        void unknownAndArchivedBusinessesAreRefused() {
            String email = unique("biz");
            HttpJson.Reply unknown = post(api + "/portal/invitations", ownerToken, Map.of(
                    "businessId", UUID.randomUUID().toString(), "role", "guest",
                    "invitees", List.of(Map.of("email", email))));
            assertThat(unknown.status()).isEqualTo(404);
            HttpJson.Reply closed = post(api + "/portal/invitations", ownerToken, Map.of(
                    "businessId", archived, "role", "guest", "invitees", List.of(Map.of("email", email))));
            assertThat(closed.status()).isEqualTo(409);
            assertNoMailTo(email);
        }

        @Test
        void anAddressAlreadyPendingInTheBusinessIsAConflictForTheWholeList() {
            String taken = unique("taken");
            String fresh = unique("fresh");
            inviteGuest(taken, bakery);
            HttpJson.Reply reply = post(api + "/portal/invitations", ownerToken, Map.of(
                    "businessId", bakery, "role", "guest",
                    "invitees", List.of(Map.of("email", fresh), Map.of("email", taken.toUpperCase()))));
            assertError(reply, 409, "conflict");
            assertThat(ok(get(api + "/portal/memberships?search=" + fresh, ownerToken)).json()).isEmpty();
            assertNoMailTo(fresh);
            assertThat(mail.messagesTo(taken)).hasSize(1);
        }

        @Test
        void anUnknownStatusFilterIsRefused() {
            HttpJson.Reply reply = get(api + "/portal/memberships?status=sleeping", ownerToken);
            assertError(reply, 400, "invalid_request");
        }
    }

    @Nested
    class GivenSelectedMemberships {
        @Test
        void sendResendAndCancelEachTakeOneRequestAndARowInItsCooldownIsReportedNotSent() {
            List<JsonNode> created = preProvisionOwners(florist, unique("bulk-a"), unique("bulk-b"));
            String first = created.get(0).get("email").asText();
            String second = created.get(1).get("email").asText();
            List<String> owners = created.stream().map(m -> m.get("id").asText()).toList();

            JsonNode sent = bulk("send", owners);
            assertThat(sent).extracting(r -> r.get("outcome").asText()).containsExactly("sent", "sent");
            // queued with the change, sent after it commits
            assertThat(sent).allSatisfy(r -> assertThat(r.get("membership").get("delivery").asText())
                    .isIn("not_sent", "sent"));
            assertThat(mail.awaitMessageTo(first, Duration.ofSeconds(20))).isNotNull();
            assertThat(mail.awaitMessageTo(second, Duration.ofSeconds(20))).isNotNull();

            mailEvent(Map.of("events", List.of(Map.of("invitationId", owners.get(0), "event", "bounced"))));
            JsonNode resent = bulk("resend", owners);
            assertThat(resent.get(0).get("outcome").asText()).isEqualTo("resent");
            assertThat(resent.get(0).hasNonNull("retryAfterSeconds")).isFalse();
            assertThat(resent.get(1).get("outcome").asText()).isEqualTo("cooldown");
            assertThat(resent.get(1).get("retryAfterSeconds").asInt()).isBetween(1, 600);
            assertThat(mail.awaitMessagesTo(first, 2, Duration.ofSeconds(20))).hasSize(2);
            assertThat(mail.messagesTo(second)).hasSize(1);
            assertThat(auditActions(owners.get(0))).contains("portal.sent", "portal.resent");

            JsonNode cancelled = bulk("cancel", owners);
            assertThat(cancelled).extracting(r -> r.get("outcome").asText()).containsExactly("cancelled", "cancelled");
            assertThat(owners).allSatisfy(id -> assertThat(status(id)).isEqualTo("cancelled"));
        }

        @Test
        void oneMembershipTheActionDoesNotFitRefusesTheWholeBatchAndChangesNothing() {
            String pending = inviteGuest(unique("bulk-c"), bakery);
            String cancelledEmail = unique("bulk-d");
            String cancelled = inviteGuest(cancelledEmail, bakery);
            ok(asOwnerOnMembership(cancelled, "cancel"));

            HttpJson.Reply unfit = bulkReply("cancel", List.of(pending, cancelled));
            assertThat(unfit.status()).isEqualTo(409);
            assertThat(unfit.json().get("error_description").asText()).contains(cancelledEmail);
            assertThat(status(pending)).isEqualTo("pending");

            HttpJson.Reply neverSentOnly = bulkReply("send", List.of(pending));
            assertThat(neverSentOnly.status()).isEqualTo(409);
            assertThat(status(pending)).isEqualTo("pending");

            assertThat(bulkReply("cancel", List.of(pending, UUID.randomUUID().toString())).status()).isEqualTo(404);
            assertThat(status(pending)).isEqualTo("pending");
            assertThat(auditActions(pending)).doesNotContain("portal.cancelled");
        }

        @Test
        void anEmptyRepeatingOrOversizedSelectionOrAnUnknownActionIsRefused() {
            String pending = inviteGuest(unique("bulk-e"), bakery);
            List<String> tooMany = new ArrayList<>();
            for (int i = 0; i <= 100; i++) {
                tooMany.add(UUID.randomUUID().toString());
            }
            for (HttpJson.Reply reply : List.of(bulkReply("cancel", List.of()), bulkReply("cancel", List.of(pending, pending)),
                    bulkReply("archive", List.of(pending)), bulkReply("cancel", tooMany),
                    post(api + "/portal/bulk-actions", ownerToken, Map.of("membershipIds", List.of(pending))))) {
                assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
                assertThat(reply.json().get("error").asText()).isEqualTo("invalid_request");
            }
            assertThat(status(pending)).isEqualTo("pending");
        }

        @Test
        void aMemberCannotTouchTheMembershipsOfABusinessWithoutFullAccess() {
            String pending = inviteGuest(unique("bulk-f"), bakery);
            HttpJson.Reply reply = http.post(api + "/portal/bulk-actions", realm.accessToken("mike"),
                    Map.of("action", "cancel", "membershipIds", List.of(pending)));
            assertThat(reply.status()).isEqualTo(404);
            assertThat(status(pending)).isEqualTo("pending");
        }

        private JsonNode bulk(String action, List<String> ids) {
            return ok(bulkReply(action, ids)).json().get("results");
        }

        private HttpJson.Reply bulkReply(String action, List<String> ids) {
            return post(api + "/portal/bulk-actions", ownerToken, Map.of("action", action, "membershipIds", ids));
        }
    }

    /** Every reply of a firm-access endpoint is held to the OpenAPI document the provider jar ships. */
    private HttpJson.Reply documented(String method, String path, HttpJson.Reply reply) {
        CONTRACT.assertResponseConforms(method, path, reply.status(), reply.header("Content-Type"), reply.body());
        return reply;
    }

    private HttpJson.Reply get(String path, String token) {
        return documented("GET", path, http.get(path, token));
    }

    private HttpJson.Reply post(String path, String token, Object body) {
        return documented("POST", path, http.post(path, token, body));
    }

    private HttpJson.Reply put(String path, String token, Object body) {
        return documented("PUT", path, http.put(path, token, body));
    }

    private HttpJson.Reply delete(String path, String token) {
        return documented("DELETE", path, http.delete(path, token));
    }

    /** A delivery event as the mail provider posts it, signed with the realm's webhook secret. */
    private HttpJson.Reply mailEvent(Object events) {
        MailEventSender sender = new MailEventSender(http, realm.name());
        return ok(documented("POST", sender.path(), sender.send(WEBHOOK_SECRET, events)));
    }

    private void assertBadRequestAndNothingCreated(HttpJson.Reply reply, String email) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_request");
        assertThat(reply.json().get("error_description").asText()).isNotBlank();
        assertThat(ok(get(api + "/portal/memberships?search=" + email, ownerToken)).json()).isEmpty();
        assertNoMailTo(email);
    }

    /** No mail to the addresses, proven once the mail of a later portal invitation has arrived. */
    private void assertNoMailTo(String... addresses) {
        String later = unique("later");
        mail.assertNoMailTo(() -> inviteGuest(later, bakery), later, addresses);
    }

    private String business(String name) {
        return ok(post(api + "/businesses", ownerToken, Map.of("name", name))).json().get("id").asText();
    }

    private String inviteGuest(String email, String businessId) {
        return invite(ownerToken, Map.of("businessId", businessId, "role", "guest",
                "invitees", List.of(Map.of("email", email)))).get(0).get("id").asText();
    }

    /** The activation page of the invitation mailed to an address, after someone signs in there. */
    private ActivationPage signedInAtTheLinkTo(String invitedEmail, String username) {
        return ActivationPage.open(new PortalBrowser(), linkTo(invitedEmail)).signIn(username, TestRealm.PASSWORD);
    }

    /** The page asking the invitee, signed in at their link, to confirm the activation. */
    private ActivationPage confirmPageOfTheLinkTo(String email) {
        ActivationPage confirm = signedInAtTheLinkTo(email, email);
        assertThat(confirm.kind()).isEqualTo("confirm");
        return confirm;
    }

    /** The invitee registers at their link; returns the id of the user made for them. */
    private String registeredThroughTheLinkTo(String email, String firstName, String lastName) {
        ActivationPage.open(new PortalBrowser(), linkTo(email)).register(firstName, lastName, PASSWORD, PASSWORD);
        return realm.admin().users().searchByEmail(email, true).get(0).getId();
    }

    /** Owners invited into a business without mail, to be sent later. */
    private List<JsonNode> preProvisionOwners(String businessId, String... emails) {
        return invite(ownerToken, Map.of("businessId", businessId, "role", "owner", "send", false,
                "invitees", Stream.of(emails).map(email -> Map.of("email", email)).toList()));
    }

    /** The id of one owner invited into a business without mail. */
    private String preProvisionedOwner(String businessId, String email) {
        return preProvisionOwners(businessId, email).get(0).get("id").asText();
    }

    private List<JsonNode> invite(String token, Object body) {
        HttpJson.Reply reply = post(api + "/portal/invitations", token, body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        List<JsonNode> created = new ArrayList<>();
        reply.json().forEach(created::add);
        return created;
    }

    /** The owner's call of one action on a portal membership: send, link or cancel. */
    private HttpJson.Reply asOwnerOnMembership(String id, String action) {
        return post(api + "/portal/memberships/" + id + "/" + action, ownerToken, "");
    }

    private JsonNode membership(String id) {
        return ok(get(api + "/portal/memberships/" + id, ownerToken)).json();
    }

    private String status(String id) {
        return membership(id).get("status").asText();
    }

    private List<String> auditActions(String id) {
        List<String> actions = new ArrayList<>();
        ok(get(api + "/audit?targetId=" + id, ownerToken)).json()
                .forEach(record -> actions.add(record.get("action").asText()));
        return actions;
    }

    private String workspacesPath() {
        return "/realms/" + realm.name() + "/firm-access/api/v1/portal/workspaces";
    }

    /** An access token of a portal user who set {@link #PASSWORD} on the activation page. */
    private String passwordToken(String email) {
        return passwordToken(email, PASSWORD);
    }

    private String passwordToken(String email, String password) {
        HttpJson.Reply reply = http.postForm("/realms/" + realm.name() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", TestRealm.TEST_CLIENT, "username", email, "password", password));
        return ok(reply).json().get("access_token").asText();
    }

    private String linkTo(String email) {
        List<MailCatcher.ReceivedMail> messages = new ArrayList<>(mail.messagesTo(email));
        if (messages.isEmpty()) {
            messages.add(mail.awaitMessageTo(email, Duration.ofSeconds(20)));
        }
        return linkIn(messages.get(messages.size() - 1));
    }

    /** The activation link of a mail, from its text part (the html part links the same). */
    private static String linkIn(MailCatcher.ReceivedMail message) {
        return LINK.matcher(message.text()).results().map(MatchResult::group).findFirst()
                .orElseThrow(() -> new AssertionError("No activation link in: " + message.text()));
    }

    /** A realm user in no firm, with the test password and a verified email; answers the email. */
    private String existingUser(String name) {
        String id = realm.createUser(name + "-" + suffix());
        return realm.admin().users().get(id).toRepresentation().getEmail();
    }

    /** An address nobody in the realm has yet. */
    private static String unique(String name) {
        return name + "-" + suffix() + "@customer.test";
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private void awaitDelivery(String id, String status) {
        Eventually.until(() -> membership(id).get("delivery").asText(),
                status::equals, Duration.ofSeconds(30), status);
    }
}
