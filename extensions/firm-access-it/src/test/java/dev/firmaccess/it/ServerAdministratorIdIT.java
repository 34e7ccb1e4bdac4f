package dev.firmaccess.it;

import static dev.firmaccess.it.support.Replies.assertError;
import static dev.firmaccess.it.support.Replies.assertStatus;
import static dev.firmaccess.it.support.Replies.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firmaccess.it.support.OwnRealmTest;
import dev.firmaccess.testing.HttpJson.Reply;
import dev.firmaccess.testing.KeycloakServer;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.WithSharedServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server administrator (a user of the master realm) calls the realm-admin API of a firm's realm
 * and names their own user id where a user of that realm belongs. Their request has loaded them,
 * and Keycloak's user cache answers a lookup by id in any realm with a user the request has loaded:
 * to the extension they are still no user of the firm's realm, so the answer is the one any unknown
 * user gets, and nothing changes.
 */
@WithSharedServer
class ServerAdministratorIdIT extends OwnRealmTest {

    private String administratorId;
    private String businessId;

    ServerAdministratorIdIT() {
        super("server-admin-id");
    }

    @BeforeAll
    void aFirmWithABusiness() {
        firmOwnedByOlivia("Ledger & Co", "ledger");
        administratorId = realm.administratorId();
        businessId = ok(checked.post(adminFirmApi("ledger") + "/businesses", realm.adminToken(),
                Map.of("name", "Bakery Ltd"))).json().get("id").asText();
    }

    @Test
    void aBackupWhosePortalMembershipNamesTheAdministratorIsRefusedAndRestoresNothing() {
        TestRealm empty = env.newRealm("server-admin-restore");
        try {
            String firm = empty.createFirm("Restored Books", "restored-books");
            String backup = "/admin/realms/" + empty.name() + "/firm-access/backup";

            Reply refused = checked.post(backup, empty.adminToken(), portalMembershipOf(empty, firm, administratorId));

            assertError(refused, 400, "invalid_request");
            assertThat(refused.json().get("error_description").asText())
                    .contains(administratorId).contains("does not exist in this realm");
            JsonNode after = assertStatus(checked.get(backup, empty.adminToken()), 200).json();
            for (String kind : List.of("staff", "businesses", "grants", "portalMemberships", "invitations")) {
                assertThat(after.get(kind)).as("%s after the refused restore", kind).isEmpty();
            }
        } finally {
            empty.delete();
        }
    }

    @Test
    void theMailOfTheirStaffInvitationNamesTheRealmAsTheInviter() {
        String email = "invitee@" + realm.name() + ".test";

        ok(checked.post(adminFirmApi("ledger") + "/invitations", realm.adminToken(), Map.of(
                "invitees", List.of(Map.of("email", email)), "role", "member")));

        String text = mail.awaitMessageTo(email, Duration.ofSeconds(20)).text();
        assertThat(text).contains(realm.name() + " invited you to join Ledger & Co")
                .doesNotContain(KeycloakServer.ADMIN_USERNAME + " invited you");
    }

    /** Safe before the fix too: the lookup is followed by the firm's membership check, as on every staff path. */
    @Test
    void sharingABusinessWithTheAdministratorAnswersNotFoundAndGrantsNothing() {
        String grants = adminFirmApi("ledger") + "/businesses/" + businessId + "/grants";

        assertError(checked.put(grants + "/users/" + administratorId, realm.adminToken(), Map.of("level", "full")),
                404, "not_found");

        assertThat(assertStatus(checked.get(grants, realm.adminToken()), 200).json()).isEmpty();
    }

    /** A backup document for the realm with one business of the firm and an active portal membership of the user. */
    private static ObjectNode portalMembershipOf(TestRealm realm, String firm, String userId) {
        ObjectNode document = JsonNodeFactory.instance.objectNode().put("format", "firm-access-backup")
                .put("version", 1).put("realmId", realm.admin().toRepresentation().getId()).put("realm", realm.name());
        for (String kind : List.of("staff", "grants", "invitations")) {
            document.putArray(kind);
        }
        String business = "c4e2a1b0-0000-4000-8000-000000000001";
        document.putArray("businesses").addObject().put("id", business).put("organizationId", firm)
                .put("name", "Bakery Ltd").put("archived", false).put("createdAt", 1);
        document.putArray("portalMemberships").addObject().put("id", "c4e2a1b0-0000-4000-8000-000000000002")
                .put("organizationId", firm).put("businessId", business).put("userId", userId)
                .put("email", "server-admin@example.test").put("role", "GUEST").put("accessLevel", "full")
                .put("status", "ACTIVE").put("activatedAt", 1).put("delivery", "NOT_SENT")
                .put("cooldownLifted", false).put("createdAt", 1);
        return document;
    }
}
