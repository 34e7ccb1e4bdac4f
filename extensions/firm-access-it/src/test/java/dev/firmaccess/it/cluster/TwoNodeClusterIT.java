package dev.firmaccess.it.cluster;

import static dev.firmaccess.it.support.ConnectionKeys.SCRIPTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.it.events.EventReceiver;
import dev.firmaccess.it.invitations.Browser;
import dev.firmaccess.it.invitations.InvitationPage;
import dev.firmaccess.it.portal.ActivationPage;
import dev.firmaccess.it.portal.AtOnce;
import dev.firmaccess.it.portal.PortalBrowser;
import dev.firmaccess.it.support.ConnectionKeys;
import dev.firmaccess.testing.ClaimScope;
import dev.firmaccess.testing.EmbeddedPostgresDatabase;
import dev.firmaccess.testing.Eventually;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.KeycloakCluster;
import dev.firmaccess.testing.MailCatcher;
import dev.firmaccess.testing.TestRealm;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two Keycloak nodes on one PostgreSQL, clustered as Keycloak clusters by default: a change made
 * on one node holds on the other at its very next call, with no waiting and no retry. Each case
 * prints how long after the change that next call answered. Mail waiting in the outbox goes out
 * once, whichever node takes it, and survives a restart of both nodes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeClusterIT {

    private static final Pattern INVITATION_LINK =
            Pattern.compile("https?://\\S+/firm-access/invitations/accept/[A-Za-z0-9._-]+");
    private static final Pattern PORTAL_LINK =
            Pattern.compile("https?://\\S+/firm-access/portal/activate/[A-Za-z0-9._-]+");

    private EmbeddedPostgresDatabase postgres;
    private KeycloakCluster cluster;
    private TestRealm realm;
    private String firmId;
    private final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeAll
    void startTwoNodes() {
        postgres = EmbeddedPostgresDatabase.start();
        cluster = KeycloakCluster.start(postgres.asKeycloakDatabase());
        realm = cluster.newRealm("cluster");
        firmId = realm.createFirm("Cluster Ledger", "ledger");
        for (String user : List.of("olivia", "mia", "rita", "kai", "vera")) {
            ids.put(user, realm.createUser(user));
            realm.addMember(firmId, ids.get(user));
        }
        ids.put("cora", realm.createUser("cora"));
        oliviaOwns("ledger");
        realm.addTestClientScope(ClaimScope.create(realm.admin(), "firm-access", Map.of()));
        realm.createConnectionKeyClient(SCRIPTS);
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aGrantRemovedOnNode1IsDeniedByTheNextEvaluationOnNode2() {
        String business = createBusiness("Harbour Bakery");
        String grant = firmApi() + "/businesses/" + business + "/grants/users/" + ids.get("mia");
        assertStatus(node(1).put(grant, owner(), Map.of("level", "full")), 200);
        String mia = realm.accessToken("mia");
        assertThat(mayRead(2, mia, "mia", business)).as("granted, asked on node 2").isTrue();

        assertStatus(node(1).delete(grant, owner()), 204);
        long changed = System.nanoTime();
        boolean next = mayRead(2, mia, "mia", business);
        long answered = millisSince(changed);

        assertThat(next).as("node 2's very next evaluation").isFalse();
        report("grant removed on node 1", "evaluation on node 2", answered);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"archived", "deleted"})
    void aBusinessArchivedOrDeletedOnNode1IsUnknownToTheNextEvaluationOnNode2ThatIndexedIt(String change) {
        String firm = firmOwnedByOlivia("Dockside Ledger " + change, "dockside-" + change);
        String businessId = createBusiness(firm, "Dockside Coopers");
        String business = firm + "/businesses/" + businessId;
        String olivia = owner();
        assertThat(decisionOn(2, olivia, "olivia", businessId)).as("node 2 indexes the firm").isEqualTo("granted");

        if (change.equals("archived")) {
            assertStatus(node(1).post(business + "/archive", olivia, ""), 200);
        } else {
            assertStatus(node(1).delete(business, olivia), 204);
        }
        assertNextDecision("business " + change + " on node 1", 2, olivia, "olivia", businessId, "denied: not_found");
    }

    @Test
    void aBusinessCreatedOnNode1IsGrantedToTheOwnerByTheNextEvaluationOnNode2ThatIndexedTheFirm() {
        String firm = firmOwnedByOlivia("Pier Ledger", "pier");
        String older = createBusiness(firm, "Pier Glassworks");
        String olivia = owner();
        assertThat(decisionOn(2, olivia, "olivia", older)).as("node 2 indexes the firm").isEqualTo("granted");

        String created = createBusiness(firm, "Breakwater Smokehouse");
        assertNextDecision("business created on node 1", 2, olivia, "olivia", created, "granted");
    }

    @Test
    void aTeamMembershipRemovedOnNode2IsDeniedByTheNextEvaluationOnNode1ThatCachedTheGrants() {
        String firm = firmOwnedByOlivia("Slipway Ledger", "slipway", "mia");
        String business = createBusiness(firm, "Slipway Joiners");
        HttpJson.Reply team = node(1).post(firm + "/teams", owner(), Map.of("name", "Harbour Desk"));
        assertStatus(team, 201);
        String teamId = team.json().get("id").asText();
        assertStatus(node(1).put(firm + "/businesses/" + business + "/grants/teams/" + teamId, owner(),
                Map.of("level", "full")), 200);
        String membership = firm + "/teams/" + teamId + "/members/" + ids.get("mia");
        assertStatus(node(1).put(membership, owner(), ""), 204);
        String mia = realm.accessToken("mia");
        assertThat(decisionOn(1, mia, "mia", business)).as("node 1 caches mia's grants").isEqualTo("granted");

        assertStatus(node(2).delete(membership, owner()), 204);
        assertNextDecision("team membership removed on node 2", 1, mia, "mia", business, "denied: no_grant");
    }

    @Test
    void aGrantRemovedOnNode1IsGoneFromTheNextRefreshOnNode2ThatCachedTheClaim() {
        String business = createBusiness("Quay Chandlers");
        String grant = firmApi() + "/businesses/" + business + "/grants/users/" + ids.get("mia");
        assertStatus(node(1).put(grant, owner(), Map.of("level", "full")), 200);
        HttpJson.Reply before = refreshOn(2, TestRealm.TEST_CLIENT, realm.signIn("mia").get("refresh_token").asText());
        assertStatus(before, 200);
        assertThat(businessIds(before.json())).as("node 2 lists the grant, and keeps mia's standing").contains(business);

        assertStatus(node(1).delete(grant, owner()), 204);
        long changed = System.nanoTime();
        HttpJson.Reply next = refreshOn(2, TestRealm.TEST_CLIENT, before.json().get("refresh_token").asText());
        long answered = millisSince(changed);

        assertStatus(next, 200);
        assertThat(businessIds(next.json())).as("node 2's very next refresh").doesNotContain(business);
        report("grant removed on node 1", "token refresh on node 2 (cached standing)", answered);
    }

    @Test
    void aRoleChangedOnNode2HoldsInTheNextEvaluationOnNode1ThatCachedTheStaffRow() {
        String business = createBusiness("Lantern Lane Studio");
        String vera = realm.accessToken("vera");
        assertThat(mayRead(1, vera, "vera", business)).as("a member without a grant, asked on node 1").isFalse();

        String role = firmApi() + "/staff/" + ids.get("vera") + "/role";
        assertStatus(node(2).put(role, owner(), Map.of("role", "admin")), 200);
        long changed = System.nanoTime();
        boolean next = mayRead(1, vera, "vera", business);
        long answered = millisSince(changed);

        assertThat(next).as("node 1's very next evaluation: an admin reaches every business").isTrue();
        report("role changed on node 2", "evaluation on node 1 (cached staff row)", answered);
        assertStatus(node(2).put(role, owner(), Map.of("role", "member")), 200);
        assertThat(mayRead(1, vera, "vera", business)).as("a member again, at once").isFalse();
    }

    @Test
    void aMemberRemovedOnNode2GetsNoFirmInTheNextRefreshOnNode1() {
        JsonNode signedIn = realm.signIn("rita");
        assertThat(firmAliases(signedIn)).containsExactly("ledger");

        assertStatus(node(2).delete(firmApi() + "/staff/" + ids.get("rita"), owner()), 204);
        long changed = System.nanoTime();
        HttpJson.Reply refreshed = realm.refresh(signedIn.get("refresh_token").asText());
        long answered = millisSince(changed);

        assertStatus(refreshed, 200);
        assertThat(firmAliases(refreshed.json())).as("firms in node 1's very next refresh").isEmpty();
        report("member removed on node 2", "token refresh on node 1", answered);
    }

    @Test
    void aPortalMembershipRemovedOnNode1IsGoneFromTheNextRefreshOnNode2ThatCachedTheClaim() {
        String business = createBusiness("Wharf Ropemakers");
        String email = "gina@customer.test";
        HttpJson.Reply invited = node(1).post(firmApi() + "/portal/invitations", owner(), Map.of("businessId", business,
                "role", "guest", "level", "full", "invitees", List.of(Map.of("email", email))));
        assertStatus(invited, 201);
        String membership = invited.json().get(0).get("id").asText();
        String text = cluster.mail().awaitMessageTo(email, Duration.ofSeconds(30)).text();
        String link = PORTAL_LINK.matcher(text).results().map(MatchResult::group).findFirst().orElseThrow();
        PortalBrowser.Answer activated = ActivationPage.open(new PortalBrowser(), link)
                .register("Gina", "Guest", TestRealm.PASSWORD, TestRealm.PASSWORD);
        assertThat(activated.status()).as(activated.toString()).isEqualTo(303);
        HttpJson.Reply before = refreshOn(2, TestRealm.TEST_CLIENT, realm.signIn(email).get("refresh_token").asText());
        assertStatus(before, 200);
        assertThat(workspaceIds(before.json())).as("node 2 lists the workspace, and keeps gina's claim").contains(business);

        assertStatus(node(1).delete(firmApi() + "/portal/memberships/" + membership, owner()), 204);
        long changed = System.nanoTime();
        HttpJson.Reply next = refreshOn(2, TestRealm.TEST_CLIENT, before.json().get("refresh_token").asText());
        long answered = millisSince(changed);

        assertStatus(next, 200);
        assertThat(workspaceIds(next.json())).as("node 2's very next refresh").isEmpty();
        report("portal membership removed on node 1", "token refresh on node 2 (cached portal claim)", answered);
    }

    @Test
    void programmaticAccessTurnedOffOnNode1StopsTheNextKeyRefreshOnNode2() {
        HttpJson.Reply key = node(1).post(firmApi() + "/staff/" + ids.get("kai") + "/keys", realm.browserAccessToken("kai"),
                Map.of("name", "Nightly export"));
        assertStatus(key, 201);
        HttpJson.Reply exchanged = ConnectionKeys.exchange(node(1), realm.name(), SCRIPTS, key.json().get("key").asText(),
                null);
        assertStatus(exchanged, 200);
        String refreshToken = exchanged.json().get("refresh_token").asText();
        HttpJson.Reply before = refreshOn(2, SCRIPTS, refreshToken);
        assertStatus(before, 200);

        assertStatus(node(1).put(firmApi() + "/staff/" + ids.get("kai") + "/programmatic-access", owner(),
                Map.of("enabled", false)), 200);
        long changed = System.nanoTime();
        HttpJson.Reply next = refreshOn(2, SCRIPTS, before.json().get("refresh_token").asText());
        long answered = millisSince(changed);

        assertStatus(next, 400);
        assertThat(next.json().get("error").asText()).isEqualTo("invalid_grant");
        report("programmatic access turned off on node 1", "key-derived refresh on node 2", answered);
    }

    @Test
    void aSettingChangedOnOneNodeIsReadOnTheOther() {
        String settings = "/admin/realms/" + realm.name() + "/firm-access/settings";
        int cap = node(2).get(settings, realm.adminToken()).json().get("claimBusinessCap").asInt();

        assertStatus(node(1).put(settings, realm.adminToken(), Map.of("claimBusinessCap", cap + 7)), 200);
        long changed = System.nanoTime();
        HttpJson.Reply onNode2 = node(2).get(settings, realm.adminToken());
        long answered = millisSince(changed);
        assertThat(onNode2.json().get("claimBusinessCap").asInt()).isEqualTo(cap + 7);
        report("setting changed on node 1", "settings read on node 2", answered);

        assertStatus(node(2).put(settings, realm.adminToken(), Map.of("claimBusinessCap", cap)), 200);
        changed = System.nanoTime();
        HttpJson.Reply onNode1 = node(1).get(settings, realm.adminToken());
        answered = millisSince(changed);
        assertThat(onNode1.json().get("claimBusinessCap").asInt()).isEqualTo(cap);
        report("setting changed on node 2", "settings read on node 1", answered);
    }

    @Test
    void aConsoleSessionSignedInOnNode1WorksOnNode2() {
        Browser browser = new Browser();
        String consolePath = "/realms/" + realm.name() + "/firm-access/console/firms/ledger/";
        Browser.Page login = browser.open(cluster.node(1).baseUrl() + consolePath);
        Browser.Page landed = browser.submit(login.formAction("kc-form-login"),
                Map.of("username", "vera", "password", TestRealm.PASSWORD));
        if (landed.html().getElementById("kc-form-login") != null) {
            // identifier-first login: the password comes on a page of its own
            landed = browser.submit(landed.formAction("kc-form-login"), Map.of("password", TestRealm.PASSWORD));
        }
        assertThat(landed.status()).as(landed.toString()).isEqualTo(200);
        assertThat(landed.uri().toString()).startsWith(cluster.node(1).baseUrl() + consolePath);

        // the page the sign-in landed on, asked of node 2 (its redirects would lead back to the hostname, node 1)
        String onNode2Url = landed.uri().toString().replace(cluster.node(1).baseUrl(), cluster.node(2).baseUrl());
        long signedIn = System.nanoTime();
        Browser.Page onNode2 = browser.open(onNode2Url);
        long answered = millisSince(signedIn);

        assertThat(onNode2.status()).as(onNode2.toString()).isEqualTo(200);
        assertThat(onNode2.uri().toString()).isEqualTo(onNode2Url);
        assertThat(onNode2.html().text()).contains("Cluster Ledger");
        report("console sign-in on node 1", "console page on node 2", answered);
        Browser.Page signedOut = new Browser().open(onNode2Url);
        assertThat(signedOut.html().getElementById("kc-form-login")).as("without the cookie: %s", signedOut)
                .isNotNull();
    }

    @Test
    void anInvitationAcceptedOnBothNodesAtOnceGivesOneMembership() {
        HttpJson.Reply invited = node(1).post(firmApi() + "/invitations", owner(), Map.of("role", "member",
                "invitees", List.of(Map.of("email", "cora@example.test"))));
        assertStatus(invited, 201);
        String text = cluster.mail().awaitMessageTo("cora@example.test", Duration.ofSeconds(30)).text();
        String link = INVITATION_LINK.matcher(text).results().map(MatchResult::group).findFirst().orElseThrow();
        InvitationPage confirm = InvitationPage.open(new Browser(), link).signIn("cora@example.test",
                TestRealm.PASSWORD);
        assertThat(confirm.kind()).isEqualTo("confirm");
        String onNode1 = confirm.acceptUrl();
        String onNode2 = onNode1.replace(cluster.node(1).baseUrl(), cluster.node(2).baseUrl());
        assertThat(onNode2).isNotEqualTo(onNode1);

        Supplier<Browser.Page> viaNode1 = confirm::accept;
        Supplier<Browser.Page> viaNode2 = () -> confirm.acceptAt(onNode2);
        List<Integer> statuses = AtOnce.answers(List.of(viaNode1, viaNode2)).stream().map(Browser.Page::status)
                .toList();

        System.out.println("Cluster: one invitation accepted on node 1 and node 2 at once answered " + statuses);
        assertThat(statuses).filteredOn(status -> status == 303).hasSize(1);
        HttpJson.Reply staff = node(2).get(firmApi() + "/staff/" + ids.get("cora"), owner());
        assertStatus(staff, 200);
        assertThat(realm.admin().organizations().get(firmId).members().list(-1, -1))
                .filteredOn(member -> member.getId().equals(ids.get("cora"))).hasSize(1);
    }

    @Test
    void mailsWaitingWhileSmtpIsDownGoOutOnceEachWhicheverNodeTakesThem() {
        MailCatcher later = new MailCatcher();
        Map<String, String> working = realm.useSmtp(later.realmSmtpSettings());
        try {
            Map<String, String> invitations = new LinkedHashMap<>();
            for (int i = 0; i < 6; i++) {
                String email = "queued-" + i + "@example.test";
                invitations.put(email, invite(i % 2 + 1, email));
            }
            invitations.values().forEach(this::awaitFailedAttempt);

            later.start();

            invitations.forEach((email, id) -> {
                later.awaitMessageTo(email, Duration.ofSeconds(60));
                awaitSent(id);
            });
            invite(2, "queued-last@example.test");
            later.awaitMessageTo("queued-last@example.test", Duration.ofSeconds(60));
            invitations.keySet().forEach(email -> assertThat(later.messagesTo(email)).as(email).hasSize(1));
        } finally {
            realm.useSmtp(working);
            later.close();
        }
    }

    @Test
    void aMailAndAnAccessEventWaitingWhileBothNodesRestartAreNotLostAndGoOutOnce() {
        MailCatcher later = new MailCatcher();
        Map<String, String> working = realm.useSmtp(later.realmSmtpSettings());
        try (EventReceiver app = new EventReceiver()) {
            HttpJson.Reply subscribed = node(2).post(firmApi() + "/event-subscribers", owner(),
                    Map.of("url", app.url(), "eventTypes", List.of("business.archived")));
            assertStatus(subscribed, 201);
            app.trust(subscribed.json().get("secret").asText());
            app.down(true);
            String id = invite(1, "restart@example.test");
            String business = createBusiness("Restart Ltd");
            assertStatus(node(1).post(firmApi() + "/businesses/" + business + "/archive", owner(), ""), 200);
            awaitFailedAttempt(id);
            Eventually.until(app::refusedIds, ids -> !ids.isEmpty(), Duration.ofSeconds(60), "event attempted");

            cluster.node(2).close();
            cluster.node(1).close();
            later.start();
            app.down(false);
            long restarting = System.nanoTime();
            cluster.node(1).start();
            cluster.node(2).start();

            later.awaitMessageTo("restart@example.test", Duration.ofSeconds(60));
            awaitSent(id);
            assertThat(app.awaitAccepted(1).get(0).body().at("/data/targetId").asText()).isEqualTo(business);
            System.out.printf("Cluster: a mail and an event queued before both nodes stopped went out %d ms after"
                    + " the restart began%n", millisSince(restarting));
            invite(2, "restart-after@example.test");
            later.awaitMessageTo("restart-after@example.test", Duration.ofSeconds(60));
            assertThat(later.messagesTo("restart@example.test")).hasSize(1);
            assertThat(app.accepted()).hasSize(1);
            assertStatus(node(1).delete(firmApi() + "/event-subscribers/" + subscribed.json().get("id").asText(),
                    owner()), 204);
        } finally {
            realm.useSmtp(working);
            later.close();
        }
    }

    // --- helpers -----------------------------------------------------------------------------

    private String invite(int number, String email) {
        HttpJson.Reply invited = node(number).post(firmApi() + "/invitations", owner(), Map.of("role", "member",
                "invitees", List.of(Map.of("email", email))));
        assertStatus(invited, 201);
        return invited.json().get(0).get("id").asText();
    }

    private JsonNode invitation(String id) {
        HttpJson.Reply reply = node(1).get(firmApi() + "/invitations/" + id, owner());
        assertStatus(reply, 200);
        return reply.json();
    }

    /** A failed attempt lifts the resend cooldown: the mail was tried, and waits in the outbox. */
    private void awaitFailedAttempt(String id) {
        Eventually.until(() -> invitation(id), view -> !view.hasNonNull("resendAllowedAt"), Duration.ofSeconds(60),
                "attempted");
        assertThat(invitation(id).get("deliveryStatus").asText()).isEqualTo("not_sent");
    }

    private void awaitSent(String id) {
        Eventually.until(() -> invitation(id).get("deliveryStatus").asText(), "sent"::equals, Duration.ofSeconds(60),
                "sent");
    }

    private HttpJson node(int number) {
        return cluster.http(number);
    }

    private String firmApi() {
        return firmApi("ledger");
    }

    private String firmApi(String alias) {
        return "/realms/" + realm.name() + "/firm-access/api/v1/firms/" + alias;
    }

    private void oliviaOwns(String alias) {
        assertStatus(node(1).put("/admin/realms/" + realm.name() + "/firm-access/firms/" + alias + "/staff/"
                + ids.get("olivia") + "/role", realm.adminToken(), Map.of("role", "owner")), 200);
    }

    /**
     * A firm of a case about the decision caches, owned by olivia, with the given users as members;
     * answers its firm API path. A firm of its own, so that the case's first decision indexes the
     * firm on the node it asks after the firm's businesses exist: a business created later is not
     * in the index, and is read from the database.
     */
    private String firmOwnedByOlivia(String name, String alias, String... members) {
        String id = realm.createFirm(name, alias);
        realm.addMember(id, ids.get("olivia"));
        for (String member : members) {
            realm.addMember(id, ids.get(member));
        }
        oliviaOwns(alias);
        return firmApi(alias);
    }

    private String tokenPath() {
        return "/realms/" + realm.name() + "/protocol/openid-connect/token";
    }

    private String owner() {
        return realm.accessToken("olivia");
    }

    private String createBusiness(String name) {
        return createBusiness(firmApi(), name);
    }

    /** A business created on node 1 through the firm API at the given path. */
    private String createBusiness(String firmApi, String name) {
        HttpJson.Reply created = node(1).post(firmApi + "/businesses", owner(), Map.of("name", name));
        assertStatus(created, 201);
        return created.json().get("id").asText();
    }

    private boolean mayRead(int number, String token, String user, String business) {
        return readEvaluation(number, token, user, business).get("decision").asBoolean();
    }

    /**
     * The node's very next decision on reading after a change, as {@link #decisionOn} writes it,
     * is the expected one; prints how soon after the change it answered.
     */
    private void assertNextDecision(String change, int number, String token, String user, String business,
            String expected) {
        long changed = System.nanoTime();
        String next = decisionOn(number, token, user, business);
        long answered = millisSince(changed);

        assertThat(next).as("node %d's very next evaluation", number).isEqualTo(expected);
        report(change, "evaluation on node " + number, answered);
    }

    /** The decision on reading with its reason: {@code granted}, or {@code denied: } and the reason of the deny. */
    private String decisionOn(int number, String token, String user, String business) {
        JsonNode decision = readEvaluation(number, token, user, business);
        String reason = decision.path("context").path("reason").asText();
        return decision.get("decision").asBoolean() ? reason : "denied: " + reason;
    }

    /** The user asks about reading the business themselves, as any token may, with the reason of the decision. */
    private JsonNode readEvaluation(int number, String token, String user, String business) {
        HttpJson.Reply reply = node(number).post("/realms/" + realm.name() + "/firm-access/access/v1/evaluation",
                token, Map.of("subject", Map.of("type", "user", "id", ids.get(user)), "action", Map.of("name", "read"),
                        "resource", Map.of("type", "business", "id", business), "context", Map.of("explain", true)));
        assertStatus(reply, 200);
        return reply.json();
    }

    private HttpJson.Reply refreshOn(int number, String clientId, String refreshToken) {
        return node(number).postForm(tokenPath(), Map.of("grant_type", "refresh_token", "client_id", clientId,
                "refresh_token", refreshToken));
    }

    private static List<String> workspaceIds(JsonNode tokens) {
        return HttpJson.jwtClaims(tokens.get("access_token").asText()).path("firm_portal").path(0).path("workspaces")
                .findValuesAsText("id");
    }

    private static List<String> businessIds(JsonNode tokens) {
        return HttpJson.jwtClaims(tokens.get("access_token").asText()).path("firm_access").path(0).path("businesses")
                .findValuesAsText("id");
    }

    private static List<String> firmAliases(JsonNode tokens) {
        return HttpJson.jwtClaims(tokens.get("access_token").asText()).path("firm_access").findValuesAsText("alias");
    }

    private static long millisSince(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime).toMillis();
    }

    /** The figure of a case: the change showed on the other node's very next call, which answered this soon. */
    private static void report(String change, String nextCall, long answeredMillis) {
        System.out.printf("Cluster: %s -> %s: seen on the very next call, answered %d ms after the change%n",
                change, nextCall, answeredMillis);
    }

    private static void assertStatus(HttpJson.Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    }
}
