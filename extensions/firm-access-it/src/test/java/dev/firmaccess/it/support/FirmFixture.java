package dev.firmaccess.it.support;

import dev.firmaccess.testing.TestEnvironment;

/**
 * The standard cast of a firm: one person of each role, a member of another firm and a user of no
 * firm; a business shared with the members, one shared with nobody, and a team; and the other
 * firm's own business and team, whose ids must mean nothing under the first firm's paths.
 *
 * @param subject a second member, the person whom user-specific calls are about
 */
public record FirmFixture(FirmSetup setup, Firm firm, Firm otherFirm, Person owner, Person admin, Person member,
        Person subject, Person memberOfOtherFirm, Person userWithNoFirm, String sharedBusiness,
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
                shared,
                setup.business(firm, "Unshared business"),
                team,
                setup.business(otherFirm, "Other firm's business"),
                setup.team(otherFirm, "Other firm's team"));
    }
}
