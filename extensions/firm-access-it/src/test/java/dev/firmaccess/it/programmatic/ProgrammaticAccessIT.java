package dev.firmaccess.it.programmatic;

import static dev.firmaccess.it.support.ConnectionKeys.GRANT_TYPE;
import static dev.firmaccess.it.support.ConnectionKeys.SCRIPTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.it.support.ConnectionKeys;
import dev.firmaccess.it.support.OwnRealmTest;
import dev.firmaccess.it.support.RealmClients;
import dev.firmaccess.testing.AudienceMappers;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.TokenClaims;
import dev.firmaccess.testing.WithSharedServer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/**
 * Connection keys end to end on a real server: a staff member creates a key, a script trades it
 * at the token endpoint, and the programmatic-access switch cuts the script off and lets it back.
 */
@WithSharedServer
class ProgrammaticAccessIT extends OwnRealmTest {

    /** The alias of the realm's firm. */
    private static final String FIRM = "ledger";
    private static final String RESOURCE_SERVER = "resource-server";
    private static final String RESOURCE_SERVER_SECRET = "resource-server-secret";

    /** Calls whose replies are held to the OpenAPI document. */
    private final Map<String, String> ids = new LinkedHashMap<>();

    ProgrammaticAccessIT() {
        super("keys");
    }

    @BeforeAll
    void setUp() {
        String ledger = realm.createFirm("Ledger & Co", "ledger");
        String other = realm.createFirm("Other Books", "other");
        for (String user : List.of("olivia", "adam", "max", "mia", "sam", "rex", "una", "bea")) {
            ids.put(user, realm.createUser(user));
            realm.addMember(ledger, ids.get(user));
        }
        ids.put("eve", realm.createUser("eve"));
        realm.addMember(other, ids.get("eve"));
        ids.put("dual", realm.createUser("dual"));
        realm.addMember(ledger, ids.get("dual"));
        realm.addMember(other, ids.get("dual"));
        setRole("olivia", "owner");
        setRole("adam", "admin");
        createClients();
    }

    private void setRole(String user, String role) {
        HttpJson.Reply reply = checked.put(adminFirmApi(FIRM) + "/staff/" + ids.get(user) + "/role", realm.adminToken(),
                Map.of("role", role));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    /** A public client that opted in to key exchanges, and a resource server that introspects its tokens. */
    private void createClients() {
        RealmClients.create(realm.admin(), RealmClients.confidential(RESOURCE_SERVER, RESOURCE_SERVER_SECRET));

        ProtocolMapperRepresentation audience = AudienceMappers.ofClient("resource-server audience", RESOURCE_SERVER);
        ClientRepresentation scripts = new ClientRepresentation();
        scripts.setClientId(SCRIPTS);
        scripts.setPublicClient(true);
        scripts.setStandardFlowEnabled(false);
        scripts.setDirectAccessGrantsEnabled(false);
        scripts.setAttributes(Map.of("firm-access.connection-keys.enabled", "true"));
        scripts.setProtocolMappers(List.of(audience));
        RealmClients.create(realm.admin(), scripts);
    }

    // --- helpers -----------------------------------------------------------------------------

    private String keys(String user) {
        return firmApi(FIRM) + "/staff/" + ids.get(user) + "/keys";
    }

    private String tokenEndpoint() {
        return "/realms/" + realm.name() + "/protocol/openid-connect/token";
    }

    /** Creates a key as the actor just signed in through the login pages, as key creation asks. */
    private HttpJson.Reply createKey(String actor, String owner, Object body) {
        return checked.post(keys(owner), realm.browserAccessToken(actor), body);
    }

    /** Creates a key of the user as the user; answers the key text. */
    private JsonNode newKey(String user, String name) {
        HttpJson.Reply reply = createKey(user, user, Map.of("name", name));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    private HttpJson.Reply exchange(String key, String scope) {
        return ConnectionKeys.exchange(http, realm.name(), SCRIPTS, key, scope);
    }

    private JsonNode exchanged(String key, String scope) {
        HttpJson.Reply reply = exchange(key, scope);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private HttpJson.Reply refresh(String clientId, String refreshToken) {
        return http.postForm(tokenEndpoint(), Map.of("grant_type", "refresh_token", "client_id", clientId,
                "refresh_token", refreshToken));
    }

    private JsonNode introspect(String token) {
        HttpJson.Reply reply = http.postForm(tokenEndpoint() + "/introspect", Map.of("client_id", RESOURCE_SERVER,
                "client_secret", RESOURCE_SERVER_SECRET, "token", token));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private HttpJson.Reply userInfo(String accessToken) {
        return checked.get("/realms/" + realm.name() + "/protocol/openid-connect/userinfo", accessToken);
    }

    private HttpJson.Reply programmaticAccess(String actor, String user, boolean enabled) {
        return checked.put(firmApi(FIRM) + "/staff/" + ids.get(user) + "/programmatic-access", realm.accessToken(actor),
                Map.of("enabled", enabled));
    }

    private void switchProgrammaticAccess(String user, boolean enabled) {
        HttpJson.Reply reply = programmaticAccess("olivia", user, enabled);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().get("programmaticAccess").asBoolean()).isEqualTo(enabled);
    }

    private JsonNode keyList(String actor, String owner) {
        HttpJson.Reply reply = checked.get(keys(owner), realm.accessToken(actor));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static void assertRefused(HttpJson.Reply reply, int status, String error) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.json().get("error").asText()).isEqualTo(error);
        assertThat(reply.json().get("error_description").asText()).isNotBlank();
    }

    // --- behaviour ---------------------------------------------------------------------------

    @Nested
    class GivenAMemberWithAKey {

        @Test
        void theKeyIsShownOnceAndTradesForATokenThatCallsTheFirmApi() {
            HttpJson.Reply created = createKey("max", "max", Map.of("name", "Nightly export"));

            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            JsonNode key = created.json();
            assertThat(key.get("key").asText()).matches("fak_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}")
                    .contains(key.get("id").asText());
            assertThat(key.get("name").asText()).isEqualTo("Nightly export");
            assertThat(key.get("lastUsedAt").isNull()).isTrue();
            assertThat(created.header("Location")).endsWith("/keys/" + key.get("id").asText());
            assertThat(created.header("Cache-Control")).contains("no-store");

            JsonNode tokens = exchanged(key.get("key").asText(), null);
            assertThat(tokens.get("token_type").asText()).isEqualToIgnoringCase("Bearer");
            HttpJson.Reply firm = checked.get(firmApi(FIRM), tokens.get("access_token").asText());
            assertThat(firm.status()).as(firm.toString()).isEqualTo(200);
            assertThat(firm.json().get("role").asText()).isEqualTo("member");
            JsonNode introspected = introspect(tokens.get("access_token").asText());
            assertThat(introspected.get("active").asBoolean()).isTrue();
            assertThat(introspected.get("username").asText()).isEqualTo("max");
        }

        @Test
        void keysAreListedWithoutTheirSecretAndShowTheirLastUse() {
            JsonNode key = newKey("max", "Listed key");
            exchanged(key.get("key").asText(), null);

            HttpJson.Reply reply = checked.get(keys("max"), realm.accessToken("max"));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(Long.parseLong(reply.header("X-Total-Count"))).isEqualTo(reply.json().size());
            JsonNode listed = find(reply.json(), key.get("id").asText());
            assertThat(listed.get("name").asText()).isEqualTo("Listed key");
            assertThat(listed.get("userId").asText()).isEqualTo(ids.get("max"));
            assertThat(listed.get("lastUsedAt").asLong()).isPositive();
            assertThat(reply.body()).doesNotContain(key.get("key").asText())
                    .doesNotContain(key.get("key").asText().substring(41));
            assertThat(listed.has("key")).isFalse();
            JsonNode single = checked.get(keys("max") + "/" + key.get("id").asText(), realm.accessToken("max")).json();
            assertThat(single.fieldNames()).toIterable()
                    .containsExactlyInAnyOrder("id", "name", "userId", "createdAt", "lastUsedAt");
        }

        @Test
        void aRevokedKeyIsRefusedAndItsRunningSessionEnds() {
            JsonNode key = newKey("max", "To revoke");
            JsonNode tokens = exchanged(key.get("key").asText(), null);

            HttpJson.Reply revoked = checked.delete(keys("max") + "/" + key.get("id").asText(), realm.accessToken("max"));

            assertThat(revoked.status()).isEqualTo(204);
            assertRefused(exchange(key.get("key").asText(), null), 400, "invalid_grant");
            assertRefused(refresh(SCRIPTS, tokens.get("refresh_token").asText()), 400, "invalid_grant");
            assertThat(introspect(tokens.get("access_token").asText()).get("active").asBoolean()).isFalse();
            assertThat(keyList("max", "max").findValuesAsText("id")).doesNotContain(key.get("id").asText());
            assertThat(checked.delete(keys("max") + "/" + key.get("id").asText(), realm.accessToken("max")).status())
                    .isEqualTo(404);
        }

        @Test
        void creationAndRevocationAreAudited() {
            JsonNode key = newKey("max", "Audited key");
            checked.delete(keys("max") + "/" + key.get("id").asText(), realm.accessToken("max"));

            JsonNode audit = checked.get(firmApi(FIRM) + "/audit?targetId=" + key.get("id").asText(),
                    realm.accessToken("olivia")).json();

            assertThat(audit.findValuesAsText("action")).containsExactly("key.revoked", "key.created");
            assertThat(audit.get(1).get("after").get("name").asText()).isEqualTo("Audited key");
            assertThat(audit.get(0).get("actorId").asText()).isEqualTo(ids.get("max"));
        }

        @Test
        void theRealmGetsTheClientPolicyThatEnforcesTheSwitch() {
            newKey("max", "Policy check");

            HttpJson.Reply policies = checked.get("/admin/realms/" + realm.name() + "/client-policies/policies",
                    realm.adminToken());

            assertThat(policies.json().get("policies").findValuesAsText("name"))
                    .contains("firm-access-programmatic-access");
        }
    }

    @Nested
    class GivenSomeoneElsesKeys {

        @Test
        void aMemberCannotSeeOrRevokeAnotherMembersKeys() {
            JsonNode key = newKey("max", "Private key");
            String path = keys("max") + "/" + key.get("id").asText();

            assertRefused(checked.get(keys("max"), realm.accessToken("mia")), 403, "access_denied");
            assertRefused(checked.get(path, realm.accessToken("mia")), 403, "access_denied");
            assertRefused(checked.delete(path, realm.accessToken("mia")), 403, "access_denied");
            assertThat(keyList("max", "max").findValuesAsText("id")).contains(key.get("id").asText());
            exchanged(key.get("key").asText(), null);
        }

        @Test
        void ownersAndAdminsListAndRevokeAnyMembersKeys() {
            JsonNode first = newKey("max", "Owner revokes");
            JsonNode second = newKey("max", "Admin revokes");

            assertThat(keyList("olivia", "max").findValuesAsText("id"))
                    .contains(first.get("id").asText(), second.get("id").asText());
            assertThat(keyList("adam", "max").findValuesAsText("id")).contains(first.get("id").asText());
            assertThat(checked.delete(keys("max") + "/" + first.get("id").asText(), realm.accessToken("olivia")).status())
                    .isEqualTo(204);
            assertThat(checked.delete(keys("max") + "/" + second.get("id").asText(), realm.accessToken("adam")).status())
                    .isEqualTo(204);
            assertRefused(exchange(first.get("key").asText(), null), 400, "invalid_grant");
            assertRefused(exchange(second.get("key").asText(), null), 400, "invalid_grant");
        }

        @Test
        void nobodyMintsAKeyForSomeoneElseNotEvenAnOwnerOrRealmAdmin() {
            long before = keyList("max", "max").size();

            assertRefused(createKey("olivia", "max", Map.of("name", "Impersonation")), 403, "access_denied");
            assertRefused(checked.post(adminFirmApi(FIRM) + "/staff/" + ids.get("max") + "/keys", realm.adminToken(),
                    Map.of("name", "Impersonation")), 403, "access_denied");
            assertThat(keyList("max", "max").size()).isEqualTo(before);
        }

        @Test
        void staffOfAnotherFirmGetNotFound() {
            assertRefused(checked.get(keys("max"), realm.accessToken("eve")), 404, "not_found");
        }

        @Test
        void theRealmAdminApiListsKeysToo() {
            JsonNode key = newKey("max", "Seen by realm admin");

            HttpJson.Reply reply = checked.get(adminFirmApi(FIRM) + "/staff/" + ids.get("max") + "/keys", realm.adminToken());

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().findValuesAsText("id")).contains(key.get("id").asText());
        }
    }

    @Nested
    class GivenARunningIntegrationWhenProgrammaticAccessIsTurnedOff {

        @Test
        void itsTokensStopAtOnceAndWorkAgainWhenTurnedBackOnWhileBrowserSessionsAreUntouched() {
            JsonNode key = newKey("sam", "Integration");
            JsonNode offline = exchanged(key.get("key").asText(), "openid offline_access");
            JsonNode online = exchanged(key.get("key").asText(), "openid");
            JsonNode interactive = realm.signIn("sam");
            assertThat(offline.get("refresh_token").asText()).isNotBlank();
            assertThat(refresh(SCRIPTS, offline.get("refresh_token").asText()).status()).isEqualTo(200);
            assertThat(userInfo(online.get("access_token").asText()).status()).isEqualTo(200);

            switchProgrammaticAccess("sam", false);

            assertRefused(refresh(SCRIPTS, offline.get("refresh_token").asText()), 400, "invalid_grant");
            assertRefused(refresh(SCRIPTS, online.get("refresh_token").asText()), 400, "invalid_grant");
            assertThat(introspect(offline.get("access_token").asText()).get("active").asBoolean()).isFalse();
            assertThat(introspect(online.get("access_token").asText()).get("active").asBoolean()).isFalse();
            assertThat(userInfo(online.get("access_token").asText()).status()).isEqualTo(401);
            assertRefused(checked.get(firmApi(FIRM), offline.get("access_token").asText()), 401, "invalid_token");
            assertRefused(exchange(key.get("key").asText(), null), 400, "invalid_grant");
            assertRefused(createKey("sam", "sam", Map.of("name", "Another")), 403, "access_denied");

            HttpJson.Reply browser = realm.refresh(interactive.get("refresh_token").asText());
            assertThat(browser.status()).as(browser.toString()).isEqualTo(200);
            assertThat(checked.get(firmApi(FIRM), browser.json().get("access_token").asText()).status()).isEqualTo(200);
            assertThat(realm.signIn("sam").get("access_token").asText()).isNotBlank();

            switchProgrammaticAccess("sam", true);

            HttpJson.Reply again = refresh(SCRIPTS, offline.get("refresh_token").asText());
            assertThat(again.status()).as(again.toString()).isEqualTo(200);
            assertThat(introspect(offline.get("access_token").asText()).get("active").asBoolean()).isTrue();
            assertThat(checked.get(firmApi(FIRM), again.json().get("access_token").asText()).status()).isEqualTo(200);
            assertThat(userInfo(online.get("access_token").asText()).status()).isEqualTo(200);
            exchanged(key.get("key").asText(), null);
        }

        @Test
        void aMemberWhoseAccessIsOffCannotCreateKeys() {
            switchProgrammaticAccess("una", false);
            try {
                assertRefused(createKey("una", "una", Map.of("name", "Refused")), 403, "access_denied");
                assertThat(keyList("una", "una")).isEmpty();
            } finally {
                switchProgrammaticAccess("una", true);
            }
        }
    }

    @Nested
    class GivenAMemberRemovedFromTheFirm {

        @Test
        void theirKeysAreRefusedAndTheirIntegrationStops() {
            JsonNode key = newKey("rex", "Leaver");
            JsonNode tokens = exchanged(key.get("key").asText(), "offline_access");

            HttpJson.Reply removed = checked.delete(firmApi(FIRM) + "/staff/" + ids.get("rex"), realm.accessToken("olivia"));

            assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
            assertRefused(exchange(key.get("key").asText(), null), 400, "invalid_grant");
            assertRefused(refresh(SCRIPTS, tokens.get("refresh_token").asText()), 400, "invalid_grant");
        }
    }

    @Nested
    class GivenHowTheCreatorSignedIn {

        @Test
        void aFreshBrowserSignInCreatesAKey() {
            String token = realm.browserAccessToken("bea");

            HttpJson.Reply reply = http.post(keys("bea"), token, Map.of("name", "Fresh sign-in"));

            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
            exchanged(reply.json().get("key").asText(), null);
        }

        @Test
        void aPasswordGrantTokenCannotCreateAKeyAndIsToldToSignInInteractively() {
            long before = keyList("bea", "bea").size();

            HttpJson.Reply reply = http.post(keys("bea"), realm.accessToken("bea"), Map.of("name", "Password grant"));

            assertRefused(reply, 401, "insufficient_user_authentication");
            assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer error=\"insufficient_user_authentication\"")
                    .contains("error_description=\"", "max_age=" + TestEnvironment.KEY_CREATION_MAX_AUTH_AGE_SECONDS);
            assertThat(keyList("bea", "bea").size()).isEqualTo(before);
        }

        @Test
        void aTokenFromAKeyCannotCreateAnotherKey() {
            JsonNode key = newKey("bea", "Parent key");
            String keyToken = exchanged(key.get("key").asText(), null).get("access_token").asText();
            long before = keyList("bea", "bea").size();

            HttpJson.Reply reply = http.post(keys("bea"), keyToken, Map.of("name", "Child key"));

            assertRefused(reply, 403, "access_denied");
            assertThat(keyList("bea", "bea").size()).isEqualTo(before);
        }

        @Test
        void aBrowserSignInOlderThanTheLimitCannotCreateAKey() throws InterruptedException {
            String token = realm.browserAccessToken("bea");
            long staleAfter = TokenClaims.of(token).get("auth_time").asLong()
                    + TestEnvironment.KEY_CREATION_MAX_AUTH_AGE_SECONDS;
            long deadline = staleAfter + 10;
            while (Instant.now().getEpochSecond() <= staleAfter && Instant.now().getEpochSecond() < deadline) {
                Thread.sleep(250);
            }
            long before = keyList("bea", "bea").size();

            HttpJson.Reply reply = http.post(keys("bea"), token, Map.of("name", "Stale sign-in"));

            assertRefused(reply, 401, "insufficient_user_authentication");
            assertThat(reply.json().get("error_description").asText()).contains("sign in again");
            assertThat(keyList("bea", "bea").size()).isEqualTo(before);
        }
    }

    @Nested
    class GivenAKeyOfOneFirmOfSomeoneInTwoFirms {

        @Test
        void itsTokensActOnlyInTheKeysFirmAndTheOtherFirmAnswersLikeAnUnknownOne() {
            JsonNode key = newKey("dual", "Ledger only");
            String keyToken = exchanged(key.get("key").asText(), null).get("access_token").asText();
            String firms = "/realms/" + realm.name() + "/firm-access/api/v1/firms/";

            HttpJson.Reply other = http.get(firms + "other/staff/" + ids.get("dual"), keyToken);
            HttpJson.Reply unknown = http.get(firms + "no-such-firm/staff/" + ids.get("dual"), keyToken);

            assertThat(http.get(firmApi(FIRM), keyToken).status()).isEqualTo(200);
            assertRefused(other, 404, "not_found");
            assertThat(other.body()).isEqualTo(unknown.body());
            assertThat(http.get(firms + "other", realm.accessToken("dual")).status()).isEqualTo(200);
            String list = "/realms/" + realm.name() + "/firm-access/api/v1/firms";
            assertThat(http.get(list, keyToken).json().findValuesAsText("alias")).containsExactly("ledger");
            assertThat(http.get(list, realm.accessToken("dual")).json().findValuesAsText("alias"))
                    .containsExactlyInAnyOrder("ledger", "other");
        }

        @Test
        void theSwitchOfTheKeysFirmAppliesAndTheOtherFirmsDoesNot() {
            JsonNode key = newKey("dual", "Switch check");
            String keyToken = exchanged(key.get("key").asText(), null).get("access_token").asText();
            String otherSwitch = "/admin/realms/" + realm.name() + "/firm-access/firms/other/staff/" + ids.get("dual")
                    + "/programmatic-access";

            assertThat(http.put(otherSwitch, realm.adminToken(), Map.of("enabled", false)).status()).isEqualTo(200);
            try {
                assertThat(http.get(firmApi(FIRM), keyToken).status()).isEqualTo(200);
            } finally {
                assertThat(http.put(otherSwitch, realm.adminToken(), Map.of("enabled", true)).status()).isEqualTo(200);
            }
            switchProgrammaticAccess("dual", false);
            try {
                assertRefused(http.get(firmApi(FIRM), keyToken), 401, "invalid_token");
            } finally {
                switchProgrammaticAccess("dual", true);
            }
            assertThat(http.get(firmApi(FIRM), keyToken).status()).isEqualTo(200);
        }
    }

    @Nested
    class GivenAnOwner {

        @Test
        void anAdminCannotTurnOffAnOwnersProgrammaticAccessAndNothingChanges() {
            HttpJson.Reply reply = programmaticAccess("adam", "olivia", false);

            assertRefused(reply, 403, "access_denied");
            HttpJson.Reply owner = http.get(firmApi(FIRM) + "/staff/" + ids.get("olivia"), realm.accessToken("adam"));
            assertThat(owner.json().get("programmaticAccess").asBoolean()).isTrue();
        }

        @Test
        void anAdminCannotRevokeAnOwnersKeyWhichKeepsWorking() {
            JsonNode key = newKey("olivia", "Owner's integration");
            String path = keys("olivia") + "/" + key.get("id").asText();

            assertRefused(http.delete(path, realm.accessToken("adam")), 403, "access_denied");

            assertThat(http.get(path, realm.accessToken("olivia")).status()).isEqualTo(200);
            exchanged(key.get("key").asText(), null);
        }

        @Test
        void anOwnerStillManagesAnAdminsSwitchAndKeys() {
            JsonNode key = newKey("adam", "Admin's integration");

            assertThat(programmaticAccess("olivia", "adam", false).status()).isEqualTo(200);
            assertThat(programmaticAccess("olivia", "adam", true).status()).isEqualTo(200);
            assertThat(http.delete(keys("adam") + "/" + key.get("id").asText(), realm.accessToken("olivia")).status())
                    .isEqualTo(204);
        }
    }

    @Nested
    class GivenBadInput {

        @Test
        void anUnknownWellFormedKeyIsAnInvalidGrant() {
            String unknown = "fak_" + UUID.randomUUID() + "_" + "A".repeat(43);

            HttpJson.Reply reply = exchange(unknown, null);

            assertRefused(reply, 400, "invalid_grant");
            assertThat(reply.json().get("error_description").asText()).contains("unknown or was revoked");
        }

        @Test
        void aKnownIdWithTheWrongSecretIsRefusedLikeAnUnknownKey() {
            JsonNode key = newKey("bea", "Guessed");
            String forged = key.get("key").asText().substring(0, 41) + "B".repeat(43);

            HttpJson.Reply reply = exchange(forged, null);

            assertRefused(reply, 400, "invalid_grant");
            assertThat(reply.json().get("error_description").asText()).contains("unknown or was revoked");
            assertThat(keyList("bea", "bea").findValues("lastUsedAt")).allMatch(JsonNode::isNull);
        }

        @Test
        void aMalformedKeyIsAnInvalidGrantThatSaysSo() {
            HttpJson.Reply reply = exchange("not-a-key", null);

            assertRefused(reply, 400, "invalid_grant");
            assertThat(reply.json().get("error_description").asText()).startsWith("Malformed connection key");
        }

        @Test
        void aMissingKeyIsAnInvalidRequest() {
            HttpJson.Reply reply = http.postForm(tokenEndpoint(), Map.of("grant_type", GRANT_TYPE, "client_id", SCRIPTS));

            assertRefused(reply, 400, "invalid_request");
        }

        @Test
        void aClientThatDidNotOptInIsRefused() {
            JsonNode key = newKey("bea", "Wrong client");

            HttpJson.Reply reply = http.postForm(tokenEndpoint(), Map.of("grant_type", GRANT_TYPE,
                    "client_id", TestRealm.TEST_CLIENT, "connection_key", key.get("key").asText()));

            assertRefused(reply, 400, "unauthorized_client");
        }

        @Test
        void aKeyWithoutANameOrWithAnOversizedNameIsNotCreated() {
            long before = keyList("bea", "bea").size();

            assertRefused(createKey("bea", "bea", Map.of()), 400, "invalid_request");
            assertRefused(createKey("bea", "bea", Map.of("name", "  ")), 400, "invalid_request");
            assertRefused(createKey("bea", "bea", Map.of("name", "n".repeat(256))), 400, "invalid_request");
            assertRefused(createKey("bea", "bea", "{\"name\": "), 400, "invalid_request");
            assertRefused(createKey("bea", "bea", List.of("name")), 400, "invalid_request");
            assertThat(keyList("bea", "bea").size()).isEqualTo(before);
            assertThat(createKey("bea", "bea", Map.of("name", "n".repeat(255))).status()).isEqualTo(201);
        }

        @Test
        void unknownAndForeignKeyIdsAreNotFound() {
            JsonNode key = newKey("bea", "Foreign");

            assertRefused(checked.delete(keys("bea") + "/" + UUID.randomUUID(), realm.accessToken("bea")), 404, "not_found");
            assertRefused(checked.delete(keys("max") + "/" + key.get("id").asText(), realm.accessToken("olivia")), 404,
                    "not_found");
            assertRefused(checked.get(keys("max") + "/" + key.get("id").asText(), realm.accessToken("olivia")), 404,
                    "not_found");
            exchanged(key.get("key").asText(), null);
        }

        @Test
        void badPagingIsRefused() {
            assertRefused(checked.get(keys("bea") + "?max=0", realm.accessToken("bea")), 400, "invalid_request");
        }
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode item : list) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("No item " + id + " in " + list);
    }
}
