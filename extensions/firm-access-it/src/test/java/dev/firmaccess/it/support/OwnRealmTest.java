package dev.firmaccess.it.support;

import static dev.firmaccess.it.support.Replies.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.testing.TestRealm;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test class that works in a realm of its own over plain HTTP: the run's environment, its HTTP
 * client (also as {@link Api}, which holds every reply to the OpenAPI document), its mail catcher,
 * and the new realm. A subclass names the realm and builds its firms and people in its own
 * {@code @BeforeAll}, which runs after this one.
 */
public abstract class OwnRealmTest extends SharedServerTest {

    private final String realmPrefix;
    protected Api checked;
    protected TestRealm realm;

    protected OwnRealmTest(String realmPrefix) {
        this.realmPrefix = realmPrefix;
    }

    @BeforeAll
    void aRealmOfItsOwn() {
        checked = new Api(http);
        realm = env.newRealm(realmPrefix);
    }

    /** A new user of the realm who joins the firm natively; answers the user id. */
    protected String newStaff(String firmId, String username) {
        String userId = realm.createUser(username);
        realm.addMember(firmId, userId);
        return userId;
    }

    /** A new firm of the realm owned by Olivia (username "olivia"); answers the firm id. */
    protected String firmOwnedByOlivia(String name, String alias) {
        String firmId = realm.createFirm(name, alias);
        setStaffRole(alias, newStaff(firmId, "olivia"), "owner");
        return firmId;
    }

    /** The firm API's path for a firm (by alias or id) of the realm; an operation's path follows. */
    protected String firmApi(String firm) {
        return "/realms/" + realm.name() + "/firm-access/api/v1/firms/" + firm;
    }

    /** The realm-admin API's path for a firm (by alias or id) of the realm; an operation's path follows. */
    protected String adminFirmApi(String firm) {
        return "/admin/realms/" + realm.name() + "/firm-access/firms/" + firm;
    }

    /** Changes the realm's settings as its administrator does, through the realm-admin API. */
    protected void updateSettings(Map<String, ?> change) {
        assertStatus(checked.put("/admin/realms/" + realm.name() + "/firm-access/settings", realm.adminToken(), change),
                200);
    }

    /** Gives a staff member a role as the realm's administrator does, through the realm-admin API. */
    protected void setStaffRole(String firmAlias, String userId, String role) {
        setStaffRole(realm, firmAlias, userId, role);
    }

    /**
     * Runs the test with another realm with a firm "Other Firm" (alias {@code other}) owned by
     * "boss", for tests that what one realm hands out means nothing in another; deletes it after.
     */
    protected void withAnotherRealmWithAFirm(String prefix, Consumer<TestRealm> test) {
        TestRealm other = env.newRealm(prefix);
        try {
            String firmId = other.createFirm("Other Firm", "other");
            String boss = other.createUser("boss");
            other.addMember(firmId, boss);
            setStaffRole(other, "other", boss, "owner");
            test.accept(other);
        } finally {
            other.delete();
        }
    }

    /** Checks that the realm has no user with the email: a refused link made nobody's account. */
    protected void assertNoUserWithEmail(String email) {
        assertThat(realm.admin().users().searchByEmail(email, true)).as("users with %s", email).isEmpty();
    }

    private void setStaffRole(TestRealm in, String firmAlias, String userId, String role) {
        assertStatus(checked.put("/admin/realms/" + in.name() + "/firm-access/firms/" + firmAlias + "/staff/" + userId
                + "/role", in.adminToken(), Map.of("role", role)), 200);
    }
}
