package dev.firmaccess.it.backup;

import static dev.firmaccess.it.support.Replies.assertError;
import static dev.firmaccess.it.support.Replies.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firmaccess.it.support.Api;
import dev.firmaccess.it.support.FirmFixture;
import dev.firmaccess.it.support.FirmSetup;
import dev.firmaccess.it.support.Person;
import dev.firmaccess.it.support.RealmClients;
import dev.firmaccess.testing.ClaimScope;
import dev.firmaccess.testing.HttpJson.Reply;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.PostgresEnvironment;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.TokenClaims;
import dev.firmaccess.testing.WithSharedServer;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * A realm with firm data of every kind moves from one server (PostgreSQL) to another (H2, which
 * has never seen the realm) the way an operator moves it: {@code kc.sh export} and Keycloak's realm
 * import, and the firm data's own backup and restore; the new server then holds the same rows and
 * answers tokens and evaluations alike. The original runs on PostgreSQL because {@code kc.sh export}
 * is a second process on the server's database, which an in-memory H2 does not offer.
 */
@WithSharedServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRestoreIT {

    private static final String EVALUATOR = "backup-evaluator";
    private static final String EVALUATOR_SECRET = "evaluator-secret-for-tests";
    private static final Duration REALM_IMPORT_TIMEOUT = Duration.ofMinutes(5);
    private static final List<String> CUSTOM_LEVELS = List.of("full", "confidential", "review", "read-only", "audit");

    private FirmFixture fixture;
    private FirmSetup setup;
    private TestEnvironment source;
    private TestEnvironment target;
    private Api targetApi;
    private String realm;
    private List<String> businesses;
    private JsonNode sourceBackup;

    @BeforeAll
    void moveTheRealmToAnotherServer(TestEnvironment h2, PostgresEnvironment postgres) throws IOException {
        source = postgres.server();
        target = h2;
        targetApi = new Api(target.http());
        fixture = FirmFixture.create(source, "backup");
        setup = fixture.setup();
        realm = setup.realm().name();
        addFirmDataOfEveryKind();
        addClaimsAndAnEvaluator(setup.realm().admin());

        sourceBackup = assertStatus(setup.realmAdmin().get("/backup"), 200).json();
        Path export = Files.createTempFile(TestEnvironment.workDir(), "realm-", ".json");
        source.server().exportRealm(realm, export);

        // A whole realm's import takes longer than an API call, the more so on a busy machine.
        assertStatus(target.http().send(target.http().request("/admin/realms", targetAdminToken())
                .timeout(REALM_IMPORT_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Files.readString(export)))), 201);
        assertStatus(targetApi.post(backupPath(realm), targetAdminToken(), sourceBackup), 200);
    }

    private void addFirmDataOfEveryKind() {
        // Custom levels: Keycloak's component config keeps no order, and these only mean something in theirs.
        setup.updateSettings(Map.of("roleLabels", Map.of("owner", "Partner", "admin", "Manager", "member", "Associate"),
                "claimBusinessCap", 50, "accessLevels", CUSTOM_LEVELS));
        setup.shareWithTeam(fixture.firm(), fixture.unsharedBusiness(), fixture.team(), "confidential");
        setup.shareWithTeam(fixture.otherFirm(), fixture.otherFirmBusiness(), fixture.otherFirmTeam(), "full");
        String closed = setup.business(fixture.firm(), "Closed books");
        setup.share(fixture.firm(), closed, fixture.member(), "read-only");
        assertStatus(setup.asRealmAdmin(fixture.firm()).post("/businesses/" + closed + "/archive", null), 200);
        assertStatus(setup.asRealmAdmin(fixture.firm()).put("/staff/" + fixture.subject().id()
                + "/programmatic-access", Map.of("enabled", false)), 200);
        setup.invitation(fixture.firm(), "newcomer@example.test");
        assertStatus(setup.asRealmAdmin(fixture.firm()).post("/portal/invitations", Map.of(
                "businessId", fixture.sharedBusiness(), "role", "owner", "send", false,
                "invitees", List.of(Map.of("email", "quinn@customer.test")))), 201);
        businesses = List.of(fixture.sharedBusiness(), fixture.unsharedBusiness(), closed,
                fixture.otherFirmBusiness());
    }

    /** The firm claims on the test client, and a service client that may ask the evaluation API. */
    private static void addClaimsAndAnEvaluator(RealmResource realm) {
        String testClient = realm.clients().findByClientId(TestRealm.TEST_CLIENT).get(0).getId();
        realm.clients().get(testClient).addDefaultClientScope(ClaimScope.create(realm, "firm-access", Map.of()));
        RealmClients.create(realm, RealmClients.withServiceAccount(EVALUATOR, EVALUATOR_SECRET));
        RealmClients.makeEvaluator(realm, EVALUATOR);
    }

    @Nested
    class GivenTheRestoredRealm {

        @Test
        void theNewServerHoldsEveryRowOfTheOldOne() {
            JsonNode restored = assertStatus(targetApi.get(backupPath(realm), targetAdminToken()), 200).json();

            for (String kind : List.of("staff", "businesses", "grants", "portalMemberships", "invitations")) {
                assertThat(sourceBackup.get(kind).size()).as("%s in the backup", kind).isPositive();
            }
            assertThat(withoutTimeAndInvitationIds(restored)).isEqualTo(withoutTimeAndInvitationIds(sourceBackup));
        }

        @Test
        void theCustomAccessLevelsKeepTheirOrder() {
            String settings = "/admin/realms/" + realm + "/firm-access/settings";

            JsonNode levels = assertStatus(targetApi.get(settings, targetAdminToken()), 200).json().get("accessLevels");

            List<String> names = new ArrayList<>();
            levels.forEach(level -> names.add(level.asText()));
            assertThat(names).isEqualTo(CUSTOM_LEVELS);
            assertThat(levels).isEqualTo(sourceBackup.get("settings").get("accessLevels"));
        }

        @Test
        void everyoneGetsTheSameFirmClaimsFromTheNewServer() {
            for (Person person : people()) {
                JsonNode before = TokenClaims.of(setup.realm().accessToken(person.username()));
                JsonNode after = TokenClaims.of(targetAccessToken(person.username()));

                assertThat(after.get("firm_access")).as("firm_access of %s", person.username())
                        .isEqualTo(before.get("firm_access"));
                assertThat(after.get("firm_portal")).as("firm_portal of %s", person.username())
                        .isEqualTo(before.get("firm_portal"));
            }
            assertThat(TokenClaims.of(targetAccessToken(fixture.owner().username())).get("firm_access"))
                    .as("the owner's claim").isNotNull();
        }

        @Test
        void evaluationsAnswerTheSameForEveryPersonBusinessAndAction() {
            List<Boolean> before = decisions(setup.api(), evaluatorToken(source.http()));
            List<Boolean> after = decisions(targetApi, evaluatorToken(target.http()));

            assertThat(after).isEqualTo(before).contains(true, false);
        }

        @Test
        void aSecondRestoreIsRefusedAndChangesNothing() {
            JsonNode before = assertStatus(targetApi.get(backupPath(realm), targetAdminToken()), 200).json();

            assertError(targetApi.post(backupPath(realm), targetAdminToken(), sourceBackup), 409, "conflict");

            JsonNode after = assertStatus(targetApi.get(backupPath(realm), targetAdminToken()), 200).json();
            assertThat(withoutTimeAndInvitationIds(after)).isEqualTo(withoutTimeAndInvitationIds(before));
            assertThat(after.get("invitations")).isEqualTo(before.get("invitations"));
        }

        @Test
        void peopleWithoutAdminRolesNeitherBackUpNorRestore() {
            assertError(setup.adminApiAs(fixture.owner()).get("/backup"), 403, "access_denied");
            assertError(setup.adminApiAs(fixture.owner()).post("/backup", sourceBackup), 403, "access_denied");
        }
    }

    @Nested
    class GivenADocumentThatDoesNotFitTheRealm {

        @Test
        void aBackupOfAnotherRealmIsRefusedAndChangesNothing() {
            TestRealm empty = target.newRealm("backup-other");

            assertError(targetApi.post(backupPath(empty.name()), targetAdminToken(), sourceBackup), 400,
                    "invalid_request");

            assertHoldsNoFirmData(empty.name());
        }

        @Test
        void anUnknownVersionIsRefusedAndChangesNothing() {
            TestRealm empty = target.newRealm("backup-version");
            ObjectNode document = forRealm(empty).put("version", 99);

            Reply refused = targetApi.post(backupPath(empty.name()), targetAdminToken(), document);

            assertError(refused, 400, "invalid_request");
            assertThat(refused.json().get("error_description").asText()).contains("99");
            assertHoldsNoFirmData(empty.name());
        }

        @Test
        void idsThatDoNotExistInTheRealmAreRefusedAndChangeNothing() {
            TestRealm empty = target.newRealm("backup-ids");

            Reply refused = targetApi.post(backupPath(empty.name()), targetAdminToken(), forRealm(empty));

            assertError(refused, 400, "invalid_request");
            assertThat(refused.json().get("error_description").asText()).contains("does not exist");
            assertHoldsNoFirmData(empty.name());
        }

        /**
         * The portal membership lacks its email, found only while writing, after the business and the
         * staff row went to the database: neither stays.
         */
        @Test
        void aFaultFoundWhileWritingLeavesNothingBehind() {
            TestRealm realmWithFirm = target.newRealm("backup-atomic");
            String firm = realmWithFirm.createFirm("Atomic Books", "atomic-books");
            String user = realmWithFirm.createUser("ada");
            realmWithFirm.addMember(firm, user);
            ObjectNode document = forRealm(realmWithFirm);
            for (String kind : List.of("grants", "invitations")) {
                document.putArray(kind);
            }
            document.putArray("staff").addObject().put("id", "b9d1c3a0-0000-4000-8000-000000000001")
                    .put("organizationId", firm).put("userId", user).put("role", "OWNER")
                    .put("programmaticAccess", true).put("createdAt", 1);
            String business = "b9d1c3a0-0000-4000-8000-000000000002";
            document.putArray("businesses").addObject().put("id", business).put("organizationId", firm)
                    .put("name", "Kept?").put("archived", false).put("createdAt", 1);
            document.putArray("portalMemberships").addObject().put("id", "b9d1c3a0-0000-4000-8000-000000000003")
                    .put("organizationId", firm).put("businessId", business).put("role", "GUEST")
                    .put("accessLevel", "full").put("status", "PENDING").put("delivery", "NOT_SENT")
                    .put("cooldownLifted", false).put("createdAt", 1);

            Reply refused = targetApi.post(backupPath(realmWithFirm.name()), targetAdminToken(), document);

            assertError(refused, 400, "invalid_request");
            assertThat(refused.json().get("error_description").asText()).contains("email");
            assertHoldsNoFirmData(realmWithFirm.name());
        }

        /** The source backup with the realm id of the given realm and nothing but what a test adds. */
        private ObjectNode forRealm(TestRealm realm) {
            ObjectNode document = sourceBackup.deepCopy();
            document.put("realmId", realm.admin().toRepresentation().getId());
            document.remove("settings");
            return document;
        }

        private void assertHoldsNoFirmData(String realmName) {
            JsonNode backup = assertStatus(targetApi.get(backupPath(realmName), targetAdminToken()), 200).json();
            for (String kind : List.of("staff", "businesses", "grants", "portalMemberships", "invitations")) {
                assertThat(backup.get(kind)).as("%s of %s", kind, realmName).isEmpty();
            }
        }
    }

    private List<Person> people() {
        return List.of(fixture.owner(), fixture.admin(), fixture.member(), fixture.subject(),
                fixture.memberOfOtherFirm(), fixture.userWithNoFirm(), fixture.portalUser());
    }

    /** Read and write decisions of every person on every business, in a fixed order. */
    private List<Boolean> decisions(Api api, String evaluatorToken) {
        List<Boolean> decisions = new ArrayList<>();
        for (Person person : people()) {
            for (String business : businesses) {
                for (String action : List.of("read", "write")) {
                    Reply reply = api.post("/realms/" + realm + "/firm-access/access/v1/evaluation", evaluatorToken,
                            Map.of("subject", Map.of("type", "user", "id", person.id()),
                                    "action", Map.of("name", action),
                                    "resource", Map.of("type", "business", "id", business)));
                    decisions.add(assertStatus(reply, 200).json().get("decision").asBoolean());
                }
            }
        }
        return decisions;
    }

    /** The document without its creation time, and invitations without the ids Keycloak gives anew. */
    private static JsonNode withoutTimeAndInvitationIds(JsonNode backup) {
        ObjectNode copy = backup.deepCopy();
        copy.remove("createdAt");
        copy.withArrayProperty("invitations").forEach(invitation -> ((ObjectNode) invitation).remove("id"));
        return copy;
    }

    private static String backupPath(String realmName) {
        return "/admin/realms/" + realmName + "/firm-access/backup";
    }

    private String targetAdminToken() {
        return target.admin().tokenManager().getAccessTokenString();
    }

    private String targetAccessToken(String username) {
        return token(target.http(), Map.of("grant_type", "password", "client_id", TestRealm.TEST_CLIENT,
                "username", username, "password", TestRealm.PASSWORD, "scope", "openid"));
    }

    private String evaluatorToken(HttpJson http) {
        return token(http, Map.of("grant_type", "client_credentials", "client_id", EVALUATOR,
                "client_secret", EVALUATOR_SECRET));
    }

    /** The same realm name on either server: the import keeps it, as it keeps every id. */
    private String token(HttpJson http, Map<String, String> form) {
        return assertStatus(http.postForm("/realms/" + realm + "/protocol/openid-connect/token", form), 200).json()
                .get("access_token").asText();
    }
}
