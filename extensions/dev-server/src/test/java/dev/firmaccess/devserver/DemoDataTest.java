package dev.firmaccess.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The two demo files in realm-config/ must agree, or the seeding warns on every start. */
class DemoDataTest {

    private static final Path REALM_CONFIG = Path.of(System.getProperty("firm-access.realm-config"));

    private final DemoFirmAccess firmAccess = DemoFirmAccess.read(REALM_CONFIG.resolve("demo-firm-access.json"));
    private final DemoRealm realm = DemoRealm.read(REALM_CONFIG.resolve("demo-realm.json"), firmAccess);

    @Test
    void bothFilesNameTheSameRealm() {
        assertThat(firmAccess.realm()).isEqualTo(realm.name()).isEqualTo("firm-demo");
    }

    @Test
    void everyStaffRoleBelongsToAMemberOfThatFirm() {
        firmAccess.firms().forEach(firm -> firm.staff().forEach(staff ->
                assertThat(realm.logins())
                        .anySatisfy(login -> {
                            assertThat(login.username()).isEqualTo(staff.username());
                            assertThat(login.firms()).contains(staff.role() + " of " + firm.alias());
                        })));
    }

    @Test
    void theLoginsDescribeRolesTeamsAndTheClientWithoutAFirm() {
        assertThat(realm.logins()).extracting(DemoRealm.Login::username, DemoRealm.Login::password,
                        DemoRealm.Login::firms)
                .containsExactly(
                        tuple("olivia.owner", "demo1234", "owner of demo-firm"),
                        tuple("adam.admin", "demo1234", "admin of demo-firm"),
                        tuple("mia.member", "demo1234", "member of demo-firm (team Payroll)"),
                        tuple("carl.client", "demo1234", "in no firm; invited as portal owner of Copperleaf Cafe"
                                + " (activation mail in the inbox)"));
        assertThat(realm.passwordGrantClient()).contains("firm-access-demo");
    }

    @Test
    void theDemoClientsGetTheAudienceTheFirmApiRequires() {
        assertThat(firmAccess.clientScopes())
                .filteredOn(scope -> "firm-access-api".equals(scope.scope().getName()))
                .singleElement()
                .satisfies(api -> {
                    assertThat(api.defaultFor()).containsExactlyInAnyOrder("firm-access-demo", "firm-scripts");
                    assertThat(api.scope().getProtocolMappers()).singleElement().satisfies(mapper -> {
                        assertThat(mapper.getProtocolMapper()).isEqualTo("oidc-audience-mapper");
                        assertThat(mapper.getConfig()).containsEntry("included.custom.audience", "firm-access-api");
                    });
                });
    }
}
