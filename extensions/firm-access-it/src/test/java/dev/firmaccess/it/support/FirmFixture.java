package dev.firmaccess.it.support;

import static dev.firmaccess.it.support.Replies.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.it.portal.ActivationPage;
import dev.firmaccess.it.portal.PortalBrowser;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.TestRealm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The standard cast of a firm: one person of each role, a member of another firm and a user of no
 * firm; a business shared with the members, one shared with nobody, and a team; and the other
 * firm's own business and team, whose ids must mean nothing under the first firm's paths.
 *
 * @param subject    a second member, the person whom user-specific calls are about
 * @param portalUser a customer of the firm: an active portal user of the shared business, and no staff
 */
public record FirmFixture(FirmSetup setup, Firm firm, Firm otherFirm, Person owner, Person admin, Person member,
        Person subject, Person memberOfOtherFirm, Person userWithNoFirm, Person portalUser, String sharedBusiness,
        String unsharedBusiness, String team, String otherFirmBusiness, String otherFirmTeam) {

    public static FirmFixture create(TestEnvironment env, String realmPrefix) {
        FirmSetup setup = FirmSetup.create(env, realmPrefix);
        Firm firm = setup.newFirm("Ledger & Co");
        Firm otherFirm = setup.newFirm("Other Books");
        Person member = setup.staff(firm, "mia", "member");
        Person subject = setup.staff(firm, "sam", "member");
        String shared = setup.business(firm, "Shared business");
        setup.share(firm, shared, member, "full");
        setup.share(firm, shared, subject, "full");
        String team = setup.team(firm, "Payroll");
        setup.join(firm, team, subject);
        return new FirmFixture(setup, firm, otherFirm,
                setup.staff(firm, "olivia", "owner"),
                setup.staff(firm, "adam", "admin"),
                member,
                subject,
                setup.staff(otherFirm, "oscar", "member"),
                setup.newUser("nora"),
                portalUser(setup, firm, shared, "paula@customer.test"),
                shared,
                setup.business(firm, "Unshared business"),
                team,
                setup.business(otherFirm, "Other firm's business"),
                setup.team(otherFirm, "Other firm's team"));
    }

    /**
     * A customer pre-provisioned as an owner of the business's portal, whose activation link the
     * realm administrator copies, and who signs up on the activation page with the test password.
     */
    public static Person portalUser(FirmSetup setup, Firm firm, String businessId, String email) {
        String membership = activePortalMembership(setup, firm, Map.of("businessId", businessId, "role", "owner"),
                email);
        String userId = assertStatus(setup.asRealmAdmin(firm).get("/portal/memberships/" + membership), 200)
                .json().get("userId").asText();
        return new Person(email, userId);
    }

    /**
     * The id of an active portal membership: the invitation's fields ({@code businessId}, {@code role},
     * perhaps {@code level}) pre-provisioned without a mail, its activation link copied by the realm
     * administrator, and the customer signed up on the activation page with the test password.
     */
    public static String activePortalMembership(FirmSetup setup, Firm firm, Map<String, String> invitation,
            String email) {
        Map<String, Object> request = new HashMap<>(invitation);
        request.put("send", false);
        request.put("invitees", List.of(Map.of("email", email, "firstName", "Paula", "lastName", "Portal")));
        String membership = assertStatus(setup.asRealmAdmin(firm).post("/portal/invitations", request), 201)
                .json().get(0).get("id").asText();
        String link = assertStatus(setup.asRealmAdmin(firm).post("/portal/memberships/" + membership + "/link", null), 200)
                .json().get("url").asText();
        // The page's own form, so the post carries the form token bound to the link and the browser.
        PortalBrowser.Answer signedUp = ActivationPage.open(new PortalBrowser(), link)
                .register("Paula", "Portal", TestRealm.PASSWORD, TestRealm.PASSWORD);
        assertThat(signedUp.status()).as("activation of %s: %s", email, signedUp).isEqualTo(303);
        return membership;
    }
}
