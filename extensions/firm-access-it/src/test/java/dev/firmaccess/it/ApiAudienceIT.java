package dev.firmaccess.it;

import static dev.firmaccess.it.support.Replies.assertError;
import static dev.firmaccess.it.support.Replies.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.it.support.OwnRealmTest;
import dev.firmaccess.it.support.RealmClients;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.TokenClaims;
import dev.firmaccess.testing.WithSharedServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;

/**
 * The firm API and the evaluation API accept only access tokens meant for them: their audience
 * names {@code firm-access-api}, which the client scope of that name adds. A token the realm
 * issued to any other app is refused with a bearer challenge and changes nothing.
 */
@WithSharedServer
class ApiAudienceIT extends OwnRealmTest {

    /** The alias of the realm's firm. */
    private static final String FIRM = "audience";
    private static final String OTHER_APP = "other-app";
    private static final String OPTIONAL_SCOPE_APP = "asks-for-the-api";
    private static final String EVALUATOR_WITHOUT_AUDIENCE = "evaluator-without-audience";
    private static final String SECRET = "evaluator-secret";
    /** The realm's default scopes, without firm-access-api: what an app that was not set up for the API gets. */
    private static final List<String> ORDINARY_SCOPES =
            List.of("basic", "profile", "email", "roles", "web-origins", "acr");

    private String ownerId;
    private String businessId;

    ApiAudienceIT() {
        super("audience");
    }

    @BeforeAll
    void setUp() {
        ownerId = newStaff(realm.createFirm("Audience Books", "audience"), "owen");
        setStaffRole("audience", ownerId, "owner");
        businessId = assertStatus(checked.post(adminFirmApi(FIRM) + "/businesses", realm.adminToken(),
                Map.of("name", "Audience Cafe")), 201).json().get("id").asText();

        ClientRepresentation other = publicPasswordClient(OTHER_APP);
        other.setDefaultClientScopes(ORDINARY_SCOPES);
        RealmClients.create(realm.admin(), other);
        ClientRepresentation asking = publicPasswordClient(OPTIONAL_SCOPE_APP);
        asking.setDefaultClientScopes(ORDINARY_SCOPES);
        asking.setOptionalClientScopes(List.of(TestRealm.API_SCOPE));
        RealmClients.create(realm.admin(), asking);
        ClientRepresentation evaluator = RealmClients.withServiceAccount(EVALUATOR_WITHOUT_AUDIENCE, SECRET);
        evaluator.setDefaultClientScopes(ORDINARY_SCOPES);
        RealmClients.create(realm.admin(), evaluator);
        RealmClients.makeEvaluator(realm.admin(), EVALUATOR_WITHOUT_AUDIENCE);
    }

    private static ClientRepresentation publicPasswordClient(String clientId) {
        ClientRepresentation client = RealmClients.withoutBrowserSignIn(clientId);
        client.setPublicClient(true);
        client.setDirectAccessGrantsEnabled(true);
        return client;
    }

    private String evaluation() {
        return "/realms/" + realm.name() + "/firm-access/access/v1/evaluation";
    }

    private String tokenOf(String clientId, String scope) {
        Map<String, String> form = new HashMap<>(Map.of("grant_type", "password", "client_id", clientId,
                "username", "owen", "password", TestRealm.PASSWORD));
        if (scope != null) {
            form.put("scope", scope);
        }
        return assertStatus(http.postForm("/realms/" + realm.name() + "/protocol/openid-connect/token", form), 200)
                .json().get("access_token").asText();
    }

    private Map<String, Object> ownerReadsTheBusiness() {
        return Map.of("subject", Map.of("type", "user", "id", ownerId), "action", Map.of("name", "read"),
                "resource", Map.of("type", "business", "id", businessId));
    }

    private long businessCount() {
        return Long.parseLong(assertStatus(checked.get(adminFirmApi(FIRM) + "/businesses", realm.adminToken()), 200)
                .header("X-Total-Count"));
    }

    private static void assertBearerChallenge(HttpJson.Reply reply) {
        assertChallengeHeader(reply);
        assertError(reply, 401, "invalid_token");
        assertThat(reply.json().get("error_description").asText()).contains("audience");
    }

    /** The evaluation API answers errors in the AuthZEN spec's way; its status and challenge are ours. */
    private static void assertChallengeHeader(HttpJson.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\", error_description=\"")
                .contains(TestRealm.API_SCOPE);
        assertThat(reply.body()).contains("audience");
    }

    @Nested
    class GivenATokenIssuedToAnAppWithoutTheScope {

        @Test
        void theFirmApiRefusesItWithABearerChallenge() {
            String token = tokenOf(OTHER_APP, null);

            assertThat(TokenClaims.of(token).path("aud").toString()).doesNotContain(TestRealm.API_SCOPE);
            assertBearerChallenge(checked.get(firmApi(FIRM), token));
            assertBearerChallenge(checked.get("/realms/" + realm.name() + "/firm-access/api/v1/firms", token));
        }

        @Test
        void aChangeWithItIsRefusedAndChangesNothing() {
            long before = businessCount();

            assertBearerChallenge(checked.post(firmApi(FIRM) + "/businesses", tokenOf(OTHER_APP, null),
                    Map.of("name", "Made with a foreign token")));

            assertThat(businessCount()).isEqualTo(before);
        }

        @Test
        void theEvaluationApiRefusesItToo() {
            assertChallengeHeader(http.post(evaluation(), tokenOf(OTHER_APP, null), ownerReadsTheBusiness()));
        }

        @Test
        void anEvaluatorsServiceAccountTokenWithoutTheAudienceIsRefused() {
            String token = assertStatus(http.postForm("/realms/" + realm.name() + "/protocol/openid-connect/token",
                    Map.of("grant_type", "client_credentials", "client_id", EVALUATOR_WITHOUT_AUDIENCE,
                            "client_secret", SECRET)), 200).json().get("access_token").asText();

            assertChallengeHeader(http.post(evaluation(), token, ownerReadsTheBusiness()));
        }
    }

    @Nested
    class GivenATokenThatNamesTheFirmApi {

        @Test
        void aDefaultScopeOfTheClientPutsTheAudienceInAndTheApisAnswer() {
            String token = tokenOf(TestRealm.TEST_CLIENT, null);

            assertThat(TokenClaims.of(token).path("aud").toString()).contains(TestRealm.API_SCOPE);
            assertThat(assertStatus(checked.get(firmApi(FIRM), token), 200).json().get("role").asText()).isEqualTo("owner");
            assertThat(assertStatus(http.post(evaluation(), token, ownerReadsTheBusiness()), 200)
                    .json().get("decision").asBoolean()).isTrue();
        }

        @Test
        void anAppWithTheOptionalScopeGetsTheAudienceOnlyWhenItAsksForIt() {
            assertBearerChallenge(checked.get(firmApi(FIRM), tokenOf(OPTIONAL_SCOPE_APP, "openid")));

            assertStatus(checked.get(firmApi(FIRM), tokenOf(OPTIONAL_SCOPE_APP, "openid " + TestRealm.API_SCOPE)), 200);
        }
    }
}
