package dev.firmaccess.it.support;

import static dev.firmaccess.it.support.Replies.assertStatus;

import dev.firmaccess.testing.TestRealm;
import java.util.Map;
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
     * Another realm with a firm "Other Firm" (alias {@code other}) owned by "boss", for tests that
     * what one realm hands out means nothing in another; the caller deletes it.
     */
    protected TestRealm otherRealmWithAFirm(String prefix) {
        TestRealm other = env.newRealm(prefix);
        try {
            String firmId = other.createFirm("Other Firm", "other");
            String boss = other.createUser("boss");
            other.addMember(firmId, boss);
            setStaffRole(other, "other", boss, "owner");
            return other;
        } catch (RuntimeException | AssertionError failed) {
            other.delete();
            throw failed;
        }
    }

    private void setStaffRole(TestRealm in, String firmAlias, String userId, String role) {
        assertStatus(checked.put("/admin/realms/" + in.name() + "/firm-access/firms/" + firmAlias + "/staff/" + userId
                + "/role", in.adminToken(), Map.of("role", role)), 200);
    }
}
