package dev.firmaccess.it;

import static dev.firmaccess.it.support.Replies.assertError;
import static dev.firmaccess.it.support.Replies.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.it.support.Client;
import dev.firmaccess.it.support.Firm;
import dev.firmaccess.it.support.FirmSetupTest;
import dev.firmaccess.it.support.Person;
import dev.firmaccess.it.support.Replies;
import dev.firmaccess.testing.HttpJson.Reply;
import dev.firmaccess.testing.WithSharedServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Staff roles keep a firm governable: only owners handle owners, and the last owner stays. */
@WithSharedServer
class StaffRolesIT extends FirmSetupTest {

    StaffRolesIT() {
        super("roles");
    }

    @Nested
    class GivenAFirmWithASingleOwner {

        private Firm firm;
        private Person owner;

        @BeforeEach
        void aFirmOfTheirOwn() {
            firm = setup.newFirm("Solo Accounting");
            owner = setup.staff(firm, "solo", "owner");
        }

        @Test
        void theOwnerCannotDemoteThemselfAndNothingChanges() {
            long records = setup.auditCount(firm);

            assertError(setup.as(owner, firm).put("/staff/" + owner.id() + "/role", Map.of("role", "admin")),
                    409, "conflict", "last_owner");

            assertThat(roleOf(firm, owner)).isEqualTo("owner");
            assertThat(setup.auditCount(firm)).isEqualTo(records);
        }

        @Test
        void theOwnerCannotRemoveThemselfAndStaysStaff() {
            assertError(setup.as(owner, firm).delete("/staff/" + owner.id()), 409, "conflict", "last_owner");

            assertThat(roleOf(firm, owner)).isEqualTo("owner");
            assertStatus(setup.as(owner, firm).get(""), 200);
        }

        @Test
        void evenTheRealmAdministratorCannotRemoveTheLastOwner() {
            assertError(setup.asRealmAdmin(firm).delete("/staff/" + owner.id()), 409, "conflict", "last_owner");
            assertError(setup.asRealmAdmin(firm).put("/staff/" + owner.id() + "/role", Map.of("role", "member")),
                    409, "conflict", "last_owner");

            assertThat(roleOf(firm, owner)).isEqualTo("owner");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class GivenStaffToFind {

        private Client lister;

        @BeforeAll
        void aFirmWithThreePeople() {
            Firm firm = setup.newFirm("Searchable Accounting");
            setup.staff(firm, "ledger", "member");
            setup.staff(firm, "ledgerbook", "admin");
            lister = setup.as(setup.staff(firm, "lister", "owner"), firm);
        }

        @Test
        void theStaffTotalCountsOnlyTheMatchesOfTheSearch() {
            Reply ledger = lister.get("/staff?search=LEDGER");
            Reply wildcard = lister.get("/staff?search=led*book");
            Reply lastName = lister.get("/staff?search=tester");
            Reply inside = lister.get("/staff?search=EDGERBO");

            assertThat(Replies.totalCount(ledger)).isEqualTo(2).isEqualTo(ledger.json().size());
            assertThat(Replies.totalCount(wildcard)).isEqualTo(1).isEqualTo(wildcard.json().size());
            assertThat(Replies.totalCount(lastName)).isEqualTo(3).isEqualTo(lastName.json().size());
            assertThat(Replies.totalCount(inside)).isEqualTo(1).isEqualTo(inside.json().size());
        }

        @Test
        void aSearchWithLikeWildcardsMatchesThemLiterally() {
            Reply percent = lister.get("/staff?search=%25");
            Reply underscore = lister.get("/staff?search=l_dger");

            assertThat(Replies.totalCount(percent)).isZero();
            assertThat(percent.json().size()).isZero();
            assertThat(Replies.totalCount(underscore)).isZero();
            assertThat(underscore.json().size()).isZero();
        }
    }

    @Nested
    class GivenAnAdmin {

        private Firm firm;
        private Person owner;
        private Person admin;
        private Person member;

        @BeforeEach
        void aFirmWithAnOwnerAnAdminAndAMember() {
            firm = setup.newFirm("Admin Partners");
            owner = setup.colleague(firm, "owner");
            admin = setup.staff(firm, "adam", "admin");
            member = setup.colleague(firm, "member");
        }

        @Test
        void cannotMakeAMemberAnOwner() {
            assertError(asAdmin().put("/staff/" + member.id() + "/role", Map.of("role", "owner")), 403, "access_denied");

            assertThat(roleOf(firm, member)).isEqualTo("member");
        }

        @Test
        void cannotDemoteAnOwner() {
            assertError(asAdmin().put("/staff/" + owner.id() + "/role", Map.of("role", "admin")), 403, "access_denied");

            assertThat(roleOf(firm, owner)).isEqualTo("owner");
        }

        @Test
        void cannotRemoveAnOwner() {
            assertError(asAdmin().delete("/staff/" + owner.id()), 403, "access_denied");

            assertThat(roleOf(firm, owner)).isEqualTo("owner");
        }

        @Test
        void canPromoteAMemberToAdmin() {
            Reply promoted = assertStatus(asAdmin().put("/staff/" + member.id() + "/role", Map.of("role", "admin")), 200);

            assertThat(promoted.json().get("role").asText()).isEqualTo("admin");
            assertThat(promoted.json().get("roleLabel").asText()).isEqualTo("PartnerAdmin");
            assertThat(roleOf(firm, member)).isEqualTo("admin");
        }

        private Client asAdmin() {
            return setup.as(admin, firm);
        }
    }

    @Nested
    class GivenAnOwner {

        private Firm firm;
        private Person owner;
        private Person colleague;

        @BeforeEach
        void aFirmWithAnOwnerAndAMember() {
            firm = setup.newFirm("Owner Partners");
            owner = setup.staff(firm, "olivia", "owner");
            colleague = setup.staff(firm, "colin", "member");
        }

        @Test
        void canMakeAnotherOwnerWhoCanThenDemoteThem() {
            assertStatus(setup.as(owner, firm).put("/staff/" + colleague.id() + "/role", Map.of("role", "owner")), 200);

            Reply demoted = setup.as(colleague, firm).put("/staff/" + owner.id() + "/role", Map.of("role", "member"));

            assertStatus(demoted, 200);
            assertThat(demoted.json().get("role").asText()).isEqualTo("member");
            assertThat(Replies.texts(setup.firmApiAs(owner).get("/firms"), "role")).containsExactly("member");
            assertError(setup.as(owner, firm).get("/staff"), 403, "access_denied");
        }

        @Test
        void canStepDownOnceAnotherOwnerExists() {
            setup.setRole(firm, colleague, "owner");

            assertStatus(setup.as(owner, firm).put("/staff/" + owner.id() + "/role", Map.of("role", "admin")), 200);

            assertThat(roleOf(firm, owner)).isEqualTo("admin");
            assertThat(roleOf(firm, colleague)).isEqualTo("owner");
        }
    }

    private String roleOf(Firm firm, Person person) {
        return setup.staffView(firm, person).get("role").asText();
    }
}
