package dev.firmaccess.it.invitations;

import static dev.firmaccess.it.support.Replies.assertStatus;
import static dev.firmaccess.it.support.Replies.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.it.portal.ActivationPage;
import dev.firmaccess.it.portal.PortalBrowser;
import dev.firmaccess.it.support.OwnRealmTest;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.WithSharedServer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Someone without an account opens their link and creates the account from its page: a staff
 * invitation and a portal activation, made by the firm's owner through the firm API or by a realm
 * administrator through the admin API, opened from the mail or from the copied link. Each way ends
 * with the new account in exactly the firm (or workspace) and role of the link, and the link used up.
 */
@WithSharedServer
class RegistrationThroughTheLinkIT extends OwnRealmTest {

    private static final Pattern STAFF_LINK =
            Pattern.compile("https?://\\S+/firm-access/invitations/accept/[A-Za-z0-9._-]+");
    private static final String PASSWORD = "S3cret-pass!";

    /** Who makes the invitation. */
    enum Inviter { FIRM_OWNER, REALM_ADMINISTRATOR }

    /** How the link reaches the invitee. */
    enum Delivery { MAILED, COPIED }

    /** A test run once for each inviter and each way the link reaches the invitee. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ParameterizedTest(name = "made by the {0}, link {1}")
    @CsvSource({"FIRM_OWNER, MAILED", "FIRM_OWNER, COPIED", "REALM_ADMINISTRATOR, MAILED",
            "REALM_ADMINISTRATOR, COPIED"})
    @interface EveryInviterAndDelivery {
    }

    private String ownerToken;
    private String firmId;
    private String otherFirmId;
    private String businessId;

    RegistrationThroughTheLinkIT() {
        super("registration");
    }

    @BeforeAll
    void setUp() {
        firmId = firmOwnedByOlivia("Ledger & Co", "ledger");
        otherFirmId = realm.createFirm("Other Books", "other-books");
        ownerToken = realm.accessToken("olivia");
        businessId = ok(checked.post(firmApi("ledger") + "/businesses", ownerToken, Map.of("name", "Bakery Ltd")))
                .json().get("id").asText();
    }

    @Nested
    class GivenAStaffInvitation {

        @EveryInviterAndDelivery
        void theNewAccountIsStaffOfExactlyThatFirmWithTheRoleAndTheLinkIsUsedUp(Inviter inviter, Delivery delivery) {
            String email = unique("nina");
            String id = inviteStaff(inviter, email, "admin");
            String link = staffLink(inviter, delivery, id, email);

            InvitationPage page = InvitationPage.open(new Browser(), link);
            assertThat(page.kind()).isEqualTo("register");
            Browser.Page landed = page.register("Nina", "Newcomer", PASSWORD);

            assertThat(landed.status()).as(landed.body()).isEqualTo(303);
            assertThat(landed.location().toString()).contains("/realms/" + realm.name() + "/account");
            UserRepresentation user = onlyUserWith(email);
            assertThat(user.isEmailVerified()).isTrue();
            JsonNode access = ok(checked.get(firmApi("ledger") + "/staff/" + user.getId() + "/access", ownerToken))
                    .json();
            assertThat(access.get("role").asText()).isEqualTo("admin");
            assertThat(access.get("businesses").get(0).get("businessId").asText()).isEqualTo(businessId);
            assertThat(memberCount(firmId, email)).isEqualTo(1);
            assertThat(memberCount(otherFirmId, email)).isZero();
            JsonNode invitation = staffInvitation(id);
            assertThat(invitation.get("status").asText()).isEqualTo("accepted");
            assertThat(invitation.get("acceptedBy").asText()).isEqualTo(user.getId());

            InvitationPage again = InvitationPage.open(new Browser(), link);
            assertThat(again.status()).isEqualTo(410);
            assertThat(again.problem()).isEqualTo("firmAccessInvitationUsed");
        }

        @Test
        void theRegisterFormSentAgainAfterAcceptingIsRefusedAndChangesNothing() {
            String email = unique("rita");
            String id = inviteStaff(Inviter.REALM_ADMINISTRATOR, email, "member");
            InvitationPage page = pageOfTheCopiedStaffLink(id, email);
            assertThat(page.register("Rita", "Replay", PASSWORD).status()).isEqualTo(303);
            String userId = onlyUserWith(email).getId();

            Browser.Page replayed = page.register("Rita", "Again", "An0ther-pass!");

            assertThat(replayed.status()).isEqualTo(410);
            assertThat(replayed.html().getElementById("fa-problem").attr("data-problem"))
                    .isEqualTo("firmAccessInvitationUsed");
            UserRepresentation user = onlyUserWith(email);
            assertThat(user.getId()).isEqualTo(userId);
            assertThat(user.getLastName()).isEqualTo("Replay");
            assertThat(passwordGrant(email, PASSWORD).status()).as("the first password still works").isEqualTo(200);
            assertThat(passwordGrant(email, "An0ther-pass!").status()).as("the second was not set").isNotEqualTo(200);
            assertThat(memberCount(firmId, email)).isEqualTo(1);
            assertThat(staffInvitation(id).get("status").asText()).isEqualTo("accepted");
        }

        @Test
        void aRegistrationWithAnotherEmailIsRefusedClearlyAndTheInvitationStaysUsable() {
            String email = unique("ivy");
            String other = unique("ivy-other");
            String id = inviteStaff(Inviter.REALM_ADMINISTRATOR, email, "member");
            InvitationPage page = pageOfTheCopiedStaffLink(id, email);

            Browser.Page refused = page.registerWithEmail(other, "Ivy", "Other", PASSWORD);

            assertRefusedForAnotherAddress(refused.status(), refused.html(), email, other);
            assertThat(memberCount(firmId, email)).isZero();
            assertThat(staffInvitation(id).get("status").asText()).isEqualTo("pending");

            assertThat(page.register("Ivy", "Invited", PASSWORD).status()).as("the invited address still joins")
                    .isEqualTo(303);
            assertThat(memberCount(firmId, email)).isEqualTo(1);
        }

        @Test
        void aRegistrationAfterTheInvitationWasCancelledIsRefusedAndCreatesNobody() {
            String email = unique("carl");
            String id = inviteStaff(Inviter.REALM_ADMINISTRATOR, email, "member");
            InvitationPage page = pageOfTheCopiedStaffLink(id, email);
            assertStatus(checked.delete(adminFirmApi("ledger") + "/invitations/" + id, realm.adminToken()), 204);

            Browser.Page refused = page.register("Carl", "Cancelled", PASSWORD);

            assertThat(refused.status()).isEqualTo(410);
            assertThat(refused.html().getElementById("fa-problem").attr("data-problem"))
                    .isEqualTo("firmAccessInvitationCancelled");
            assertNoUserWithEmail(email);
            assertThat(staffInvitation(id).get("status").asText()).isEqualTo("cancelled");
        }
    }

    @Nested
    class GivenAPortalActivation {

        @EveryInviterAndDelivery
        void theNewAccountSeesExactlyThatWorkspaceAndTheLinkIsUsedUp(Inviter inviter, Delivery delivery) {
            String email = unique("gina");
            String id = invitePortalGuest(inviter, email);
            String link = portalLink(inviter, delivery, id, email);

            ActivationPage page = ActivationPage.open(new PortalBrowser(), link);
            assertThat(page.offersRegistration()).isTrue();
            PortalBrowser.Answer landed = page.register("Gina", "Guest", PASSWORD, PASSWORD);

            assertThat(landed.status()).as(landed.body()).isEqualTo(303);
            UserRepresentation user = onlyUserWith(email);
            assertThat(user.isEmailVerified()).isTrue();
            JsonNode membership = ok(checked.get(firmApi("ledger") + "/portal/memberships/" + id, ownerToken)).json();
            assertThat(membership.get("status").asText()).isEqualTo("active");
            assertThat(membership.get("userId").asText()).isEqualTo(user.getId());
            JsonNode workspaces = ok(checked.get("/realms/" + realm.name() + "/firm-access/api/v1/portal/workspaces",
                    ok(passwordGrant(email, PASSWORD)).json().get("access_token").asText())).json();
            assertThat(workspaces).hasSize(1);
            assertThat(workspaces.get(0).get("business").get("id").asText()).isEqualTo(businessId);
            assertThat(memberCount(otherFirmId, email)).isZero();

            ActivationPage again = ActivationPage.open(new PortalBrowser(), link);
            assertThat(again.status()).isEqualTo(410);
            assertThat(again.problem()).isEqualTo("firmAccessPortalProblem.USED");
        }

        @Test
        void aRegistrationWithAnotherEmailIsRefusedClearlyAndTheActivationStaysPending() {
            String email = unique("gus");
            String other = unique("gus-other");
            String id = invitePortalGuest(Inviter.REALM_ADMINISTRATOR, email);
            ActivationPage page = ActivationPage.open(new PortalBrowser(), portalLink(Inviter.REALM_ADMINISTRATOR,
                    Delivery.COPIED, id, email));

            PortalBrowser.Answer refused = page.registerWithEmail(other, "Gus", "Other", PASSWORD);

            assertRefusedForAnotherAddress(refused.status(), refused.html(), email, other);
            JsonNode membership = ok(checked.get(firmApi("ledger") + "/portal/memberships/" + id, ownerToken)).json();
            assertThat(membership.get("status").asText()).isEqualTo("pending");
        }
    }

    /** The form came back saying the link is for its own address only, and nobody got an account. */
    private void assertRefusedForAnotherAddress(int status, Document page, String invited, String other) {
        assertThat(status).isEqualTo(400);
        assertThat(page.getElementById("fa-register-error").attr("data-error"))
                .isEqualTo("firmAccessRegisterOtherEmail");
        assertNoUserWithEmail(invited);
        assertNoUserWithEmail(other);
    }

    /** Invites the address into the ledger firm with the role, with a full grant on the bakery; the invitation id. */
    private String inviteStaff(Inviter inviter, String email, String role) {
        HttpJson.Reply reply = checked.post(invitationsOf(inviter), tokenOf(inviter), Map.of(
                "invitees", List.of(Map.of("email", email)), "role", role,
                "grants", List.of(Map.of("businessId", businessId, "level", "full"))));
        return assertStatus(reply, 201).json().get(0).get("id").asText();
    }

    /** The link of a staff invitation: from the invitee's mail, or copied by whoever invited. */
    private String staffLink(Inviter inviter, Delivery delivery, String id, String email) {
        if (delivery == Delivery.COPIED) {
            return ok(checked.post(invitationsOf(inviter) + "/" + id + "/link", tokenOf(inviter), "")).json()
                    .get("link").asText();
        }
        Matcher matcher = STAFF_LINK.matcher(mail.awaitMessageTo(email, Duration.ofSeconds(20)).text());
        assertThat(matcher.find()).as("a link in the mail to " + email).isTrue();
        return matcher.group();
    }

    /** The page of the link a realm administrator copied for a staff invitation, in a new browser. */
    private InvitationPage pageOfTheCopiedStaffLink(String id, String email) {
        return InvitationPage.open(new Browser(), staffLink(Inviter.REALM_ADMINISTRATOR, Delivery.COPIED, id, email));
    }

    /** Invites the address as a guest of the bakery; the membership id. */
    private String invitePortalGuest(Inviter inviter, String email) {
        HttpJson.Reply reply = checked.post(firmPathOf(inviter) + "/portal/invitations", tokenOf(inviter), Map.of(
                "businessId", businessId, "role", "guest", "invitees", List.of(Map.of("email", email))));
        return assertStatus(reply, 201).json().get(0).get("id").asText();
    }

    /** The activation link of a portal membership: from the invitee's mail, or copied by whoever invited. */
    private String portalLink(Inviter inviter, Delivery delivery, String id, String email) {
        if (delivery == Delivery.COPIED) {
            return ok(checked.post(firmPathOf(inviter) + "/portal/memberships/" + id + "/link", tokenOf(inviter), ""))
                    .json().get("url").asText();
        }
        return ActivationPage.linkIn(mail.awaitMessageTo(email, Duration.ofSeconds(20)));
    }

    private String invitationsOf(Inviter inviter) {
        return firmPathOf(inviter) + "/invitations";
    }

    private String firmPathOf(Inviter inviter) {
        return inviter == Inviter.FIRM_OWNER ? firmApi("ledger") : adminFirmApi("ledger");
    }

    private String tokenOf(Inviter inviter) {
        return inviter == Inviter.FIRM_OWNER ? ownerToken : realm.adminToken();
    }

    private JsonNode staffInvitation(String id) {
        return ok(checked.get(firmApi("ledger") + "/invitations/" + id, ownerToken)).json();
    }

    private UserRepresentation onlyUserWith(String email) {
        List<UserRepresentation> users = realm.admin().users().searchByEmail(email, true);
        assertThat(users).as("users with %s", email).hasSize(1);
        return users.get(0);
    }

    private long memberCount(String organizationId, String email) {
        return realm.admin().organizations().get(organizationId).members().list(-1, -1).stream()
                .filter(member -> email.equalsIgnoreCase(member.getEmail())).count();
    }

    private HttpJson.Reply passwordGrant(String email, String password) {
        return http.postForm("/realms/" + realm.name() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", TestRealm.TEST_CLIENT, "username", email,
                "password", password));
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 6) + "@newcomer.test";
    }
}
