package dev.firmaccess.it.portal;

import static dev.firmaccess.it.support.Replies.assertError;
import static dev.firmaccess.it.support.Replies.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.ICSVParser;
import dev.firmaccess.it.support.EvaluatorClient;
import dev.firmaccess.it.support.OwnRealmTest;
import dev.firmaccess.testing.ClaimScope;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.MailCatcher;
import dev.firmaccess.testing.OpenApiContract;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.WithSharedServer;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What the firm's staff and downstream apps see of portal users: the CSV import and export, the
 * {@code firm_portal} claim, access decisions and searches for portal subjects, and last sign-in.
 */
@WithSharedServer
class PortalDownstreamIT extends OwnRealmTest {

    private static final OpenApiContract CONTRACT = OpenApiContract.fromProviderJar(TestEnvironment.providerJar());
    private static final EvaluatorClient EVALUATOR = new EvaluatorClient("portal-evaluator", "evaluator-secret-for-tests");

    private String api;
    private String ownerToken;
    private String memberToken;
    private String member;
    private String bakery;
    private String florist;
    private String archived;

    PortalDownstreamIT() {
        super("portal-downstream");
    }

    @BeforeAll
    void setUp() {
        String firmId = firmOwnedByOlivia("Ledger & Co", "ledger");
        member = newStaff(firmId, "mike");
        String teamMate = newStaff(firmId, "tina");
        updateSettings(Map.of("accessLevels", List.of("full", "read-only")));
        api = firmApi("ledger");
        ownerToken = realm.accessToken("olivia");
        memberToken = realm.accessToken("mike");
        bakery = business("Bakery Ltd", "BAK-1");
        florist = business("Smith, Jones & Co", null);
        archived = business("Closed Shop", "CLOSED");
        ok(post(api + "/businesses/" + archived + "/archive", ownerToken, ""));
        ok(put(api + "/businesses/" + bakery + "/grants/users/" + member, Map.of("level", "read-only")));
        ok(put(api + "/businesses/" + florist + "/grants/users/" + member, Map.of("level", "full")));
        String team = ok(post(api + "/teams", ownerToken, Map.of("name", "Payroll"))).json().get("id").asText();
        ok(put(api + "/teams/" + team + "/members/" + teamMate, null));
        ok(put(api + "/businesses/" + florist + "/grants/teams/" + team, Map.of("level", "read-only")));
        realm.addTestClientScope(ClaimScope.create(realm.admin(), "firm-access", Map.of()));
        // A second portal mapper beside the default one, under its own claim name, with a higher cap.
        realm.addTestClientScope(ClaimScope.create(realm.admin(), "wide-portal", Map.of("claim.name", "firm_access_wide"),
                Map.of("claim.name", "firm_portal_wide", "workspaceCap", "20")));
    }

    @Nested
    class GivenACsvUpload {
        @Test
        void oneBadRowMeansNothingIsCreatedAndNoMailIsSent() {
            String good = unique("gwen");
            String bad = "not-an-email";
            HttpJson.Reply refused = upload(ownerToken, "business,email,firstName,lastName,role\r\n"
                    + "BAK-1," + good + ",Gwen,Good,guest\r\n"
                    + "BAK-1," + bad + ",Bert,Bad,guest\r\n");

            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().get("error").asText()).isEqualTo("invalid_request");
            assertThat(refused.json().get("rows")).hasSize(1);
            assertThat(refused.json().get("rows").get(0).get("row").asInt()).isEqualTo(3);
            assertThat(refused.json().get("rows").get(0).get("message").asText()).contains(bad);
            assertThat(ok(get(api + "/portal/memberships?search=" + good, ownerToken)).json()).isEmpty();
            awaitTheMailOfALaterEvent();
            assertThat(mail.messagesTo(good)).isEmpty();
        }

        @Test
        void everyKindOfBadRowIsNamedByItsLine() {
            String taken = unique("tess");
            ok(post(api + "/portal/invitations", ownerToken, Map.of("businessId", bakery, "role", "guest",
                    "invitees", List.of(Map.of("email", taken)))));
            String fresh = unique("fred");
            HttpJson.Reply refused = upload(ownerToken, "business,email,role,level,send,lastName\n"
                    + "NOPE," + fresh + ",guest,,,\n"
                    + "CLOSED," + fresh + ",guest,,,\n"
                    + "BAK-1," + fresh + ",boss,,,\n"
                    + "BAK-1," + fresh + ",guest,superuser,,\n"
                    + "BAK-1," + fresh + ",guest,,false,\n"
                    + "BAK-1," + fresh + ",owner,,maybe,\n"
                    + "BAK-1," + taken + ",owner,,,\n"
                    + bakery + "," + fresh + ",owner,read-only,false,\n"
                    + "BAK-1," + fresh.toUpperCase() + ",owner,,false,\n"
                    + "BAK-1," + unique("long") + ",owner,,false," + "x".repeat(256) + "\n");

            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            Map<Integer, String> rows = new LinkedHashMap<>();
            refused.json().get("rows").forEach(row -> rows.put(row.get("row").asInt(), row.get("message").asText()));
            assertThat(rows).containsOnlyKeys(2, 3, 4, 5, 6, 7, 8, 10, 11);
            assertThat(rows.get(2)).contains("not found");
            assertThat(rows.get(3)).contains("archived");
            assertThat(rows.get(4)).contains("role");
            assertThat(rows.get(5)).contains("superuser");
            assertThat(rows.get(6)).contains("Guests");
            assertThat(rows.get(7)).contains("send");
            assertThat(rows.get(8)).contains(taken).contains("pending");
            assertThat(rows.get(10)).contains("row 9");
            assertThat(rows.get(11)).contains("lastName");
            assertThat(ok(get(api + "/portal/memberships?search=" + fresh, ownerToken)).json()).isEmpty();
        }

        @Test
        void aGoodUploadCreatesEveryMembershipAndOneMailPerAddressForAllItsWorkspaces() {
            String ann = unique("ann");
            String owen = unique("owen");
            HttpJson.Reply created = upload(ownerToken, "business,email,firstName,lastName,role,level,message,send\r\n"
                    + "BAK-1," + ann + ",Ann,Archer,guest,read-only,\"Hello, \"\"Ann\"\"\r\nSee you\",\r\n"
                    + florist + "," + ann + ",Ann,Archer,guest,,,\r\n"
                    + "BAK-1," + owen + ",Owen,Owner,owner,,,false\r\n");

            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            JsonNode memberships = created.json();
            assertThat(memberships).hasSize(3);
            assertThat(memberships.get(0).get("businessId").asText()).isEqualTo(bakery);
            assertThat(memberships.get(0).get("level").asText()).isEqualTo("read-only");
            assertThat(memberships.get(0).get("message").asText()).isEqualTo("Hello, \"Ann\"\nSee you");
            // the answer comes before the mail leaves through the outbox
            assertThat(memberships.get(0).get("delivery").asText()).isEqualTo("not_sent");
            assertThat(memberships.get(1).get("businessId").asText()).isEqualTo(florist);
            assertThat(memberships.get(2).get("role").asText()).isEqualTo("owner");
            assertThat(memberships.get(2).hasNonNull("invitedAt")).isFalse();

            MailCatcher.ReceivedMail message = mail.awaitMessageTo(ann, Duration.ofSeconds(20));
            assertThat(message.text()).contains("Bakery Ltd").contains("Smith, Jones & Co");
            awaitTheMailOfALaterEvent();
            assertThat(mail.messagesTo(ann)).hasSize(1);
            assertThat(mail.messagesTo(owen)).isEmpty();
            assertThat(auditActions(memberships.get(2).get("id").asText())).containsExactly("portal.imported");

            signUp(ActivationPage.linkIn(message));
            assertThat(membership(memberships.get(0).get("id").asText()).get("status").asText()).isEqualTo("active");
            assertThat(membership(memberships.get(1).get("id").asText()).get("status").asText()).isEqualTo("active");
            assertThat(membership(memberships.get(2).get("id").asText()).get("status").asText()).isEqualTo("pending");
        }

        @Test
        void aMemberImportsOnlyIntoBusinessesTheyHaveFullAccessTo() {
            String guest = unique("gus");
            HttpJson.Reply refused = upload(memberToken, "business,email,role\nBAK-1," + guest + ",guest\n");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().get("rows").get(0).get("message").asText()).contains("not found");

            HttpJson.Reply created = upload(memberToken, "business,email,role\n" + florist + "," + guest + ",guest\n");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }

        @Test
        void unreadableOrOversizedUploadsAreRefusedWhole() {
            HttpJson.Reply unknownColumn = upload(ownerToken, "business,email,role,phone\nBAK-1,a@x.test,guest,1\n");
            assertThat(unknownColumn.status()).isEqualTo(400);
            assertThat(unknownColumn.json().get("error_description").asText()).contains("phone");

            StringBuilder many = new StringBuilder("business,email,role\n");
            for (int i = 0; i < 5_001; i++) {
                many.append("BAK-1,bulk").append(i).append("@customer.test,guest\n");
            }
            HttpJson.Reply tooMany = upload(ownerToken, many.toString());
            assertError(tooMany, 413, "invalid_request");
            assertThat(ok(get(api + "/portal/memberships?search=bulk0@", ownerToken)).json()).isEmpty();
        }
    }

    @Nested
    class GivenTheExport {
        @Test
        void itListsEveryPortalUserWithTheirBusinessStatusAndAssignedStaffQuotedAndFormulaSafe() throws Exception {
            String email = unique("hy");
            ok(post(api + "/portal/invitations", ownerToken, Map.of("businessId", florist, "role", "owner",
                    "send", false, "invitees", List.of(Map.of("email", email, "firstName", "=HYPERLINK(\"x\")",
                            "lastName", "Comma, \"Quoted\"")))));

            HttpJson.Reply export = ok(get(api + "/portal/export?business=" + florist, ownerToken));

            assertThat(export.header("Content-Type")).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
            assertThat(export.header("Content-Disposition")).startsWith("attachment;").contains(".csv");
            assertThat(export.body()).startsWith("business,business id,email,first name,last name,role,status,"
                    + "activated at,last login,assigned staff\r\n");
            assertThat(export.body()).contains("\"Comma, \"\"Quoted\"\"\"");
            List<String[]> lines = csv(export.body());
            String[] line = lines.stream().filter(cells -> cells[2].equals(email)).findFirst().orElseThrow();
            assertThat(line[0]).isEqualTo("Smith, Jones & Co");
            assertThat(line[1]).isEqualTo(florist);
            assertThat(line[3]).isEqualTo("'=HYPERLINK(\"x\")");
            assertThat(line[4]).isEqualTo("Comma, \"Quoted\"");
            assertThat(line[5]).isEqualTo("owner");
            assertThat(line[6]).isEqualTo("pending");
            assertThat(line[7]).isEmpty();
            assertThat(line[9]).contains("Mike Tester <mike@example.test>")
                    .contains("Tina Tester <tina@example.test> (team Payroll)")
                    .doesNotContain("olivia");
            assertThat(lines).allSatisfy(cells -> assertThat(cells[1]).isIn("business id", florist));
        }

        @Test
        void anActivatedUserShowsActivationAndLastLoginInUtc() throws Exception {
            PortalUser user = activatedGuest(bakery, "read-only");
            signIn(user);

            String[] line = csv(ok(get(api + "/portal/export", ownerToken)).body()).stream()
                    .filter(cells -> cells[2].equals(user.email())).findFirst().orElseThrow();
            assertThat(line[6]).isEqualTo("active");
            assertThat(Instant.parse(line[7])).isBefore(Instant.now().plusSeconds(5));
            assertThat(line[7]).endsWith("Z");
            assertThat(Instant.parse(line[8])).isAfterOrEqualTo(Instant.parse(line[7]).minusSeconds(1));
        }

        @Test
        void aMemberExportsOnlyBusinessesTheyHaveFullAccessTo() throws Exception {
            String onBakery = unique("only-bakery");
            ok(post(api + "/portal/invitations", ownerToken, Map.of("businessId", bakery, "role", "owner",
                    "send", false, "invitees", List.of(Map.of("email", onBakery)))));

            List<String[]> lines = csv(ok(get(api + "/portal/export", memberToken)).body());
            assertThat(lines).extracting(cells -> cells[2]).doesNotContain(onBakery);
            assertThat(lines.subList(1, lines.size())).allSatisfy(cells -> assertThat(cells[1]).isEqualTo(florist));
            assertThat(get(api + "/portal/export?business=" + bakery, memberToken).status()).isEqualTo(404);
            assertThat(get(api + "/portal/export?business=unknown", ownerToken).status()).isEqualTo(404);
        }
    }

    @Nested
    class GivenAnActivePortalUser {
        @Test
        void theirTokenListsTheWorkspaceInFirmPortalAndNothingInFirmAccess() {
            PortalUser user = activatedGuest(bakery, "read-only");

            JsonNode token = payload(signIn(user).get("access_token").asText());

            assertThat(token.get("firm_access")).isEmpty();
            JsonNode portal = token.get("firm_portal");
            assertThat(portal).hasSize(1);
            assertThat(portal.get(0).get("alias").asText()).isEqualTo("ledger");
            assertThat(portal.get(0).get("name").asText()).isEqualTo("Ledger & Co");
            assertThat(portal.get(0).get("workspaces")).hasSize(1);
            JsonNode workspace = portal.get(0).get("workspaces").get(0);
            assertThat(workspace.get("id").asText()).isEqualTo(bakery);
            assertThat(workspace.get("name").asText()).isEqualTo("Bakery Ltd");
            assertThat(workspace.get("role").asText()).isEqualTo("guest");
            assertThat(workspace.get("level").asText()).isEqualTo("read-only");
        }

        @Test
        void theirIdTokenNamesTheFirmWithoutTheWorkspacesTheAccessTokenLists() {
            PortalUser user = activatedGuest(bakery, "full");

            JsonNode tokens = signIn(user);

            JsonNode id = payload(tokens.get("id_token").asText()).get("firm_portal");
            assertThat(id).hasSize(1);
            assertThat(id.get(0).get("alias").asText()).isEqualTo("ledger");
            assertThat(id.get(0).has("workspaces")).isFalse();
            assertThat(payload(tokens.get("access_token").asText()).get("firm_portal").get(0).get("workspaces"))
                    .hasSize(1);
        }

        @Test
        void theirClaimListsTenWorkspacesByDefaultSaysTheRestWereCutAndTheMapperCanListMore() {
            PortalUser user = activatedGuest(bakery, "read-only");
            for (int i = 0; i < 11; i++) {
                HttpJson.Reply added = post(api + "/portal/memberships", ownerToken, Map.of("userId", user.id(),
                        "businessId", business("Workspace " + i, null), "role", "guest", "level", "read-only"));
                assertThat(added.status()).as(added.toString()).isEqualTo(201);
            }

            JsonNode token = payload(signIn(user).get("access_token").asText());
            JsonNode byDefault = token.get("firm_portal").get(0);
            JsonNode raised = token.get("firm_portal_wide").get(0);

            assertThat(byDefault.get("workspaces")).hasSize(10);
            assertThat(byDefault.get("workspacesCapped").asBoolean()).isTrue();
            assertThat(raised.get("workspaces")).hasSize(12);
            assertThat(raised.get("workspacesCapped").asBoolean()).isFalse();
        }

        @Test
        void staffWhoAreNoPortalUsersGetAnEmptyPortalClaim() {
            JsonNode token = payload(realm.signIn("olivia").get("access_token").asText());
            assertThat(token.get("firm_portal").isArray()).isTrue();
            assertThat(token.get("firm_portal")).isEmpty();
        }

        @Test
        void evaluationPermitsReadAndWriteByLevelAndNothingOnAnotherBusiness() {
            PortalUser reader = activatedGuest(bakery, "read-only");
            PortalUser writer = activatedGuest(bakery, "full");
            String readerToken = signIn(reader).get("access_token").asText();
            String writerToken = signIn(writer).get("access_token").asText();

            JsonNode explained = evaluate(readerToken, reader.id(), "read", bakery, true);
            assertThat(explained.get("decision").asBoolean()).isTrue();
            assertThat(explained.get("context").get("level").asText()).isEqualTo("read-only");
            JsonNode path = explained.get("context").get("paths").get(0);
            assertThat(path.get("type").asText()).isEqualTo("portal");
            assertThat(path.get("role").asText()).isEqualTo("guest");
            assertThat(evaluate(readerToken, reader.id(), "write", bakery, false).get("decision").asBoolean())
                    .isFalse();
            assertThat(evaluate(writerToken, writer.id(), "write", bakery, false).get("decision").asBoolean())
                    .isTrue();
            assertThat(evaluate(writerToken, writer.id(), "read", florist, false).get("decision").asBoolean())
                    .isFalse();
            assertThat(evaluate(writerToken, writer.id(), "read", archived, false).get("decision").asBoolean())
                    .isFalse();
        }

        @Test
        void theSearchesIncludePortalWorkspacesAndPortalUsers() {
            PortalUser user = activatedGuest(bakery, "read-only");
            String token = signIn(user).get("access_token").asText();

            JsonNode resources = ok(http.post(evaluationApi() + "search/resource", token, Map.of(
                    "subject", Map.of("type", "user", "id", user.id()), "action", Map.of("name", "read"),
                    "resource", Map.of("type", "business")))).json();
            assertThat(resources.get("results")).extracting(result -> result.get("id").asText())
                    .containsExactly(bakery);
            JsonNode writable = ok(http.post(evaluationApi() + "search/resource", token, Map.of(
                    "subject", Map.of("type", "user", "id", user.id()), "action", Map.of("name", "write"),
                    "resource", Map.of("type", "business")))).json();
            assertThat(writable.get("results")).isEmpty();
            JsonNode actions = ok(http.post(evaluationApi() + "search/action", token, Map.of(
                    "subject", Map.of("type", "user", "id", user.id()),
                    "resource", Map.of("type", "business", "id", bakery)))).json();
            assertThat(actions.get("results")).extracting(result -> result.get("name").asText())
                    .containsExactly("read");

            JsonNode subjects = ok(http.post(evaluationApi() + "search/subject", evaluatorToken(), Map.of(
                    "subject", Map.of("type", "user"), "action", Map.of("name", "read"),
                    "resource", Map.of("type", "business", "id", bakery)))).json();
            assertThat(subjects.get("results")).extracting(result -> result.get("id").asText())
                    .contains(user.id(), member);
        }

        @Test
        void removalEndsAccessOnTheNextRefreshAndTheNextEvaluation() {
            PortalUser user = activatedGuest(bakery, "full");
            JsonNode tokens = signIn(user);
            assertThat(evaluate(tokens.get("access_token").asText(), user.id(), "write", bakery, false)
                    .get("decision").asBoolean()).isTrue();

            assertThat(http.delete(api + "/portal/memberships/" + user.membershipId(), ownerToken).status())
                    .isEqualTo(204);

            HttpJson.Reply refreshed = realm.refresh(tokens.get("refresh_token").asText());
            assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
            String token = refreshed.json().get("access_token").asText();
            assertThat(payload(token).get("firm_portal")).isEmpty();
            JsonNode denied = evaluate(token, user.id(), "read", bakery, true);
            assertThat(denied.get("decision").asBoolean()).isFalse();
            assertThat(denied.get("context").get("reason").asText()).isEqualTo("not_found");
        }

        @Test
        void aRenamedOrArchivedBusinessShowsInTheNextRefreshOfTheirCachedClaim() {
            String name = "Studio " + UUID.randomUUID().toString().substring(0, 6);
            String studio = business(name, null);
            PortalUser user = activatedGuest(studio, "full");
            JsonNode tokens = signIn(user);
            assertThat(workspaceNames(tokens)).containsExactly(name);

            ok(put(api + "/businesses/" + studio, Map.of("name", "Renamed Studio")));
            HttpJson.Reply renamed = realm.refresh(tokens.get("refresh_token").asText());
            assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
            assertThat(workspaceNames(renamed.json())).as("the very next refresh").containsExactly("Renamed Studio");

            ok(post(api + "/businesses/" + studio + "/archive", ownerToken, ""));
            HttpJson.Reply archivedNext = realm.refresh(renamed.json().get("refresh_token").asText());
            assertThat(archivedNext.status()).as(archivedNext.toString()).isEqualTo(200);
            assertThat(payload(archivedNext.json().get("access_token").asText()).get("firm_portal")).isEmpty();
        }

        @Test
        void aSignInSetsLastLoginOnTheirActiveMemberships() {
            PortalUser user = activatedGuest(bakery, "full");
            assertThat(membership(user.membershipId()).hasNonNull("lastLoginAt")).isFalse();
            long before = System.currentTimeMillis();

            signIn(user);

            JsonNode after = membership(user.membershipId());
            assertThat(after.get("lastLoginAt").asLong()).isBetween(before - 1000, System.currentTimeMillis());
        }

        @Test
        void theyCallNoStaffEndpoint() {
            String token = signIn(activatedGuest(bakery, "full")).get("access_token").asText();
            assertThat(get(api, token).status()).isEqualTo(404);
            assertThat(get(api + "/portal/export", token).status()).isEqualTo(404);
            assertThat(upload(token, "business,email,role\nBAK-1," + unique("x") + ",guest\n").status())
                    .isEqualTo(404);
        }
    }

    /** An activated portal user: their membership, email and user id; they sign in with the test password. */
    private record PortalUser(String membershipId, String email, String id) {
    }

    private JsonNode signIn(PortalUser user) {
        HttpJson.Reply reply = http.postForm("/realms/" + realm.name() + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", TestRealm.TEST_CLIENT, "username", user.email(),
                        "password", TestRealm.PASSWORD, "scope", "openid"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    /** Invites a guest, follows the link from the mail and signs up on the activation page. */
    private PortalUser activatedGuest(String businessId, String level) {
        String email = unique("guest");
        String id = ok(post(api + "/portal/invitations", ownerToken, Map.of("businessId", businessId, "role", "guest",
                "level", level, "invitees", List.of(Map.of("email", email))))).json().get(0).get("id").asText();
        signUp(ActivationPage.linkIn(mail.awaitMessageTo(email, Duration.ofSeconds(20))));
        JsonNode active = membership(id);
        assertThat(active.get("status").asText()).isEqualTo("active");
        return new PortalUser(id, email, active.get("userId").asText());
    }

    /** Signs up on the activation page behind a link, with the test password. */
    private void signUp(String link) {
        PortalBrowser.Answer signedUp = ActivationPage.signUp(link);
        assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(303);
    }

    private JsonNode evaluate(String token, String subject, String action, String business, boolean explain) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("subject", Map.of("type", "user", "id", subject));
        request.put("action", Map.of("name", action));
        request.put("resource", Map.of("type", "business", "id", business));
        if (explain) {
            request.put("context", Map.of("explain", true));
        }
        return ok(http.post(evaluationApi() + "evaluation", token, request)).json();
    }

    private String evaluationApi() {
        return "/realms/" + realm.name() + "/firm-access/access/v1/";
    }

    /** The evaluator client's token; the client is made on first use. */
    private String evaluatorToken() {
        EVALUATOR.ensureIn(realm);
        return EVALUATOR.token(http, realm);
    }

    private JsonNode membership(String id) {
        return ok(get(api + "/portal/memberships/" + id, ownerToken)).json();
    }

    private static List<String> workspaceNames(JsonNode tokens) {
        return payload(tokens.get("access_token").asText()).path("firm_portal").path(0).path("workspaces")
                .findValuesAsText("name");
    }

    private String business(String name, String externalRef) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        if (externalRef != null) {
            body.put("externalRef", externalRef);
        }
        return ok(post(api + "/businesses", ownerToken, body)).json().get("id").asText();
    }

    private HttpJson.Reply upload(String token, String csv) {
        String path = api + "/portal/imports";
        return documented("POST", path, http.send(http.request(path, token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))));
    }

    private HttpJson.Reply get(String path, String token) {
        return documented("GET", path, http.get(path, token));
    }

    private HttpJson.Reply post(String path, String token, Object body) {
        return documented("POST", path, http.post(path, token, body));
    }

    private HttpJson.Reply put(String path, Object body) {
        return documented("PUT", path, http.put(path, ownerToken, body == null ? "" : body));
    }

    /** Every answer of the firm API must be one the OpenAPI document allows. */
    private static HttpJson.Reply documented(String method, String path, HttpJson.Reply reply) {
        CONTRACT.assertResponseConforms(method, path, reply.status(), reply.header("Content-Type"), reply.body());
        return reply;
    }

    private List<String> auditActions(String id) {
        List<String> actions = new ArrayList<>();
        ok(get(api + "/audit?targetId=" + id, ownerToken)).json().forEach(r -> actions.add(r.get("action").asText()));
        return actions;
    }

    private static List<String[]> csv(String text) throws Exception {
        try (CSVReader reader = new CSVReaderBuilder(new StringReader(text))
                .withCSVParser(new CSVParserBuilder().withEscapeChar(ICSVParser.NULL_CHARACTER).build()).build()) {
            return reader.readAll();
        }
    }

    private static JsonNode payload(String jwt) {
        try {
            return HttpJson.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                    StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 6) + "@customer.test";
    }

    /**
     * Invites a guest after the event under test and waits for that mail: once it has arrived, a
     * mail of the earlier event would have too, so its absence is proven without a fixed wait.
     */
    private void awaitTheMailOfALaterEvent() {
        String marker = unique("later");
        ok(post(api + "/portal/invitations", ownerToken, Map.of("businessId", bakery, "role", "guest",
                "invitees", List.of(Map.of("email", marker)))));
        mail.awaitMessageTo(marker, Duration.ofSeconds(20));
    }
}
