package dev.firmaccess.it.console;

import static dev.firmaccess.it.support.Replies.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.it.events.EventReceiver;
import dev.firmaccess.it.events.EventReceiver.Received;
import dev.firmaccess.it.invitations.InvitationPage;
import dev.firmaccess.it.support.Firm;
import dev.firmaccess.it.support.FirmSetupTest;
import dev.firmaccess.it.support.Person;
import dev.firmaccess.testing.ClaimScope;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.TokenClaims;
import dev.firmaccess.testing.WithSharedServer;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A firm signs in through its own identity provider: a second realm of the same server is that
 * provider (a real OpenID Connect broker on loopback), linked to the firm's organization with the
 * firm's domain. The joiner rules decide what a first sign-in through it gives.
 */
@Tag("browser")
@WithSharedServer
class SsoJoinersIT extends FirmSetupTest {

    private static final String BROKER_CLIENT = "firm-broker";
    private static final String BROKER_SECRET = "broker-secret-for-tests";

    private TestRealm provider;
    private Firm ledger;
    private Firm unverified;
    private Person owner;
    private Person member;
    private String business;
    private String team;

    SsoJoinersIT() {
        super("sso");
    }

    @BeforeAll
    void setUp() {
        provider = env.newRealm("sso-idp");
        // The provider is an ordinary realm: its login asks for username and password on one page.
        RealmRepresentation plain = provider.admin().toRepresentation();
        plain.setOrganizationsEnabled(false);
        provider.admin().update(plain);
        ClientRepresentation broker = new ClientRepresentation();
        broker.setClientId(BROKER_CLIENT);
        broker.setPublicClient(false);
        broker.setSecret(BROKER_SECRET);
        broker.setStandardFlowEnabled(true);
        broker.setRedirectUris(List.of(env.server().baseUrl() + "/realms/" + setup.realm().name() + "/broker/*"));
        provider.admin().clients().create(broker).close();

        ledger = setup.newFirm("Ledger");
        verifyDomains(ledger);
        link(ledger, "ledger-idp");
        unverified = setup.newFirm("Unverified");
        link(unverified, "unverified-idp");

        owner = setup.staff(ledger, "olivia", "owner");
        member = setup.staff(ledger, "max", "member");
        business = setup.business(ledger, "Alder Joinery");
        team = setup.team(ledger, "Payroll");
        setup.realm().admin().clients().get(testClient())
                .addDefaultClientScope(ClaimScope.create(setup.realm().admin(), "firm-access", Map.of()));
    }

    @Test
    void theOwnerSeesTheLinkedProviderAndVerifiedDomain() {
        JsonNode sso = assertStatus(setup.as(owner, ledger).get("/sso"), 200).json();

        assertThat(sso.get("identityProviders")).hasSize(1);
        assertThat(sso.get("identityProviders").get(0).get("alias").asText()).isEqualTo("ledger-idp");
        assertThat(sso.get("identityProviders").get(0).get("domains").get(0).asText()).isEqualTo(domain(ledger));
        assertThat(sso.get("domains").get(0).get("verified").asBoolean()).isTrue();
    }

    @Test
    void aFirmWhoseRulesWereNeverSetJoinsNobodyAutomatically() {
        Firm fresh = setup.newFirm("Fresh");

        JsonNode sso = assertStatus(setup.asRealmAdmin(fresh).get("/sso"), 200).json();

        assertThat(sso.get("identityProviders")).isEmpty();
        assertThat(sso.get("domains").get(0).get("verified").asBoolean()).isFalse();
        assertThat(sso.get("joinerRules").get("autoJoin").asBoolean()).isFalse();
        assertThat(sso.get("joinerRules").get("role").asText()).isEqualTo("member");
    }

    @Test
    void theOwnerSetsTheRulesOnTheConsolePage() {
        setRules(ledger, Map.of("autoJoin", false, "role", "member"));
        try (Browser browser = new Browser()) {
            WebDriver driver = browser.driver();
            ConsolePages.signIn(driver, consoleUrl(), owner.username(), TestRealm.PASSWORD);
            driver.get(consoleUrl() + "firms/" + ledger.alias() + "/sso");
            assertThat(driver.findElement(By.cssSelector("#idp-table [data-idp='ledger-idp']")).getText())
                    .contains("Ledger sign-in").contains(domain(ledger));
            assertThat(driver.findElement(By.cssSelector("#domain-list [data-domain='" + domain(ledger) + "']"))
                    .getText()).contains("verified");

            driver.findElement(By.id("auto-join")).click();
            new Select(driver.findElement(By.id("joiner-role"))).selectByValue("admin");
            driver.findElement(By.cssSelector("#joiner-teams input[value='" + team + "']")).click();
            driver.findElement(By.cssSelector("#joiner-grants input[value='" + business + "']")).click();
            ConsolePages.submit(driver, driver.findElement(By.id("save-rules")));

            assertThat(driver.findElement(By.id("rules-saved")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.id("auto-join")).isSelected()).isTrue();
            assertThat(new Select(driver.findElement(By.id("joiner-role"))).getFirstSelectedOption()
                    .getAttribute("value")).isEqualTo("admin");
            browser.screenshot("sso");
        }
        JsonNode rules = assertStatus(setup.as(owner, ledger).get("/sso"), 200).json().get("joinerRules");
        assertThat(rules.get("autoJoin").asBoolean()).isTrue();
        assertThat(rules.get("role").asText()).isEqualTo("admin");
        assertThat(rules.get("teamIds").get(0).asText()).isEqualTo(team);
        assertThat(rules.get("grants").get(0).get("businessId").asText()).isEqualTo(business);
        assertThat(rules.get("grants").get(0).get("level").asText()).isEqualTo("full");
    }

    @Test
    void aJoinersFirstSignInMakesThemStaffWithTheRulesAndASecondChangesNothing() {
        setRules(ledger, Map.of("autoJoin", true, "role", "member", "teamIds", List.of(team),
                "grants", List.of(Map.of("businessId", business, "level", "full"))));
        String joiner = joinerAt(ledger, "jonas");

        JsonNode claim;
        try (Browser browser = new Browser()) {
            signInThroughProvider(browser.driver(), joiner);
            assertThat(new ConsolePages.Console(browser.driver()).title()).isEqualTo("My businesses");
            browser.screenshot("sso-joiner-first-sign-in");
            claim = firmClaim(browser.driver(), ledger).claim();
        }
        assertThat(claim.get("role").asText()).isEqualTo("member");
        assertThat(claim.get("businesses")).hasSize(1);
        assertThat(claim.get("businesses").get(0).get("id").asText()).isEqualTo(business);
        assertThat(claim.get("businesses").get(0).get("level").asText()).isEqualTo("full");
        String userId = userIdOf(joiner);
        JsonNode staff = setup.staffView(ledger, new Person(joiner, userId));
        assertThat(staff.get("teams").get(0).get("id").asText()).isEqualTo(team);
        assertThat(joinedEntries(ledger, userId)).isEqualTo(1);
        long audited = setup.auditCount(ledger);

        try (Browser browser = new Browser()) {
            signInThroughProvider(browser.driver(), joiner);
            assertThat(firmClaim(browser.driver(), ledger).claim()).isEqualTo(claim);
        }
        assertThat(setup.auditCount(ledger)).isEqualTo(audited);
        assertThat(setup.staffView(ledger, new Person(joiner, userId))).isEqualTo(staff);
    }

    @Test
    void anAddressOfADomainThatIsNotVerifiedGetsNothingOfTheRules() {
        setRules(unverified, Map.of("autoJoin", true, "role", "admin",
                "grants", List.of(Map.of("businessId", setup.business(unverified, "Birch Ltd"), "level", "full"))));
        String joiner = joinerAt(unverified, "uma");

        JsonNode claim;
        try (Browser browser = new Browser()) {
            signInThroughProvider(browser.driver(), joiner);
            claim = firmClaim(browser.driver(), unverified).claim();
        }
        // Keycloak itself makes whoever signs in through a linked provider a member of the organization;
        // without a verified domain Firm Access gives them nothing more.
        assertThat(claim.get("role").asText()).isEqualTo("member");
        assertThat(claim.get("businesses")).isEmpty();
        String userId = userIdOf(joiner);
        assertThat(joinedEntries(unverified, userId)).isZero();
        JsonNode added = assertStatus(setup.asRealmAdmin(unverified)
                .get("/audit?action=staff.added&targetId=" + userId), 200).json();
        assertThat(added).as("their joining is recorded once, as their own").hasSize(1);
        assertThat(added.get(0).get("actorId").asText()).isEqualTo(userId);
    }

    @Test
    void aDisabledProviderAccountCannotSignInAgainThoughItsRefreshTokenLastsUntilTheSessionEnds() {
        setRules(ledger, Map.of("autoJoin", true));
        String joiner = joinerAt(ledger, "lena");
        SignedIn first;
        try (Browser browser = new Browser()) {
            signInThroughProvider(browser.driver(), joiner);
            first = firmClaim(browser.driver(), ledger);
        }
        UserRepresentation atProvider = provider.admin().users().searchByUsername(joiner, true).get(0);
        atProvider.setEnabled(false);
        provider.admin().users().get(atProvider.getId()).update(atProvider);

        try (Browser browser = new Browser()) {
            WebDriver driver = browser.driver();
            startSignIn(driver, joiner);
            signInAtProvider(driver, joiner);
            new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".pf-v5-c-alert, #input-error")));
            assertThat(driver.getCurrentUrl()).contains("/realms/" + provider.name() + "/");
            assertThat(driver.findElements(By.id("page-title"))).isEmpty();
            browser.screenshot("sso-disabled-account");
        }
        // Keycloak does not ask the provider again on a refresh: the session that began before lives on.
        assertThat(setup.realm().refresh(first.refreshToken()).status()).isEqualTo(200);
    }

    @Test
    void aRuleAskingForOwnerIsRefusedAndNothingIsStored() {
        setRules(ledger, Map.of("autoJoin", false, "role", "member"));
        JsonNode before = assertStatus(setup.as(owner, ledger).get("/sso"), 200).json().get("joinerRules");

        HttpJson.Reply refused = setup.as(owner, ledger).put("/sso/joiner-rules", Map.of("autoJoin", true, "role", "owner"));

        assertStatus(refused, 400);
        assertThat(refused.json().get("error_description").asText()).contains("owner");
        assertThat(assertStatus(setup.as(owner, ledger).get("/sso"), 200).json().get("joinerRules")).isEqualTo(before);
    }

    @Test
    void aMemberCannotChangeTheRules() {
        setRules(ledger, Map.of("autoJoin", false, "role", "member"));
        JsonNode before = assertStatus(setup.as(owner, ledger).get("/sso"), 200).json().get("joinerRules");

        assertStatus(setup.as(member, ledger).put("/sso/joiner-rules", Map.of("autoJoin", true, "role", "admin")), 403);

        assertThat(assertStatus(setup.as(owner, ledger).get("/sso"), 200).json().get("joinerRules")).isEqualTo(before);
    }

    @Test
    void anUnknownTeamIsRefusedAndNothingIsStored() {
        setRules(ledger, Map.of("autoJoin", false, "role", "member"));
        JsonNode before = assertStatus(setup.as(owner, ledger).get("/sso"), 200).json().get("joinerRules");

        assertStatus(setup.as(owner, ledger).put("/sso/joiner-rules", Map.of("autoJoin", true,
                "teamIds", List.of(team, "no-such-team"))), 404);

        assertThat(assertStatus(setup.as(owner, ledger).get("/sso"), 200).json().get("joinerRules")).isEqualTo(before);
    }

    @Test
    void anInviteeOfTheFirmsDomainWhoSignsInThroughItsProviderJoinsOnceByTheInvitation() {
        setRules(ledger, Map.of("autoJoin", true, "role", "member",
                "grants", List.of(Map.of("businessId", business, "level", "full"))));
        String invitee = joinerAt(ledger, "ines");
        String email = invitee + "@" + domain(ledger);
        String invitationId = assertStatus(setup.as(owner, ledger).post("/invitations", Map.of(
                "invitees", List.of(Map.of("email", email)), "role", "admin")), 201).json().get(0).get("id").asText();
        String link = assertStatus(setup.as(owner, ledger).post("/invitations/" + invitationId + "/link", null), 200)
                .json().get("link").asText();
        String later = setup.business(ledger, "Later Ltd");

        try (EventReceiver app = new EventReceiver(); Browser browser = new Browser()) {
            String subscriber = subscribe(app, List.of("staff.added", "business.archived"));
            WebDriver driver = browser.driver();
            driver.get(link);
            assertThat(driver.findElement(By.id("fa-sign-in-idp")).getText()).contains("Ledger sign-in");
            ConsolePages.replacePage(driver, () -> driver.findElement(By.id("fa-sign-in")).click());
            assertThat(driver.getCurrentUrl()).contains("/realms/" + provider.name() + "/");
            signInAtProvider(driver, invitee);
            // the sign-in made them a member by the invitation: its page has nothing left to confirm
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.urlContains(
                    "/realms/" + setup.realm().name() + "/account"));
            assertStatus(setup.as(owner, ledger).post("/businesses/" + later + "/archive", null), 200);

            // the subscriber's events go out in the order of the changes: a second joining would come before the archive
            List<Received> events = app.awaitAccepted(2);
            assertThat(events).extracting(Received::type).containsExactly("staff.added", "business.archived");
            assertThat(events.get(0).body().at("/data/action").asText()).isEqualTo("invitation.accepted");
            assertThat(events.get(0).body().at("/data/targetId").asText()).isEqualTo(invitationId);
            assertThat(events.get(0).body().at("/data/after/via").asText()).isEqualTo("sso");
            assertStatus(setup.asRealmAdmin(ledger).delete("/event-subscribers/" + subscriber), 204);
        }

        String userId = userIdOf(invitee);
        assertThat(auditEntries(ledger, "staff.added", userId)).isZero();
        assertThat(joinedEntries(ledger, userId)).isZero();
        assertThat(auditEntries(ledger, "invitation.accepted", invitationId)).isEqualTo(1);
        JsonNode staff = setup.staffView(ledger, new Person(invitee, userId));
        assertThat(staff.get("role").asText()).as("the invitation's role, not the rules'").isEqualTo("admin");
        assertThat(setup.realm().admin().users().get(userId).getFederatedIdentity())
                .extracting(identity -> identity.getIdentityProvider()).containsExactly("ledger-idp");
        assertThat(assertStatus(setup.as(owner, ledger).get("/invitations/" + invitationId), 200).json()
                .get("status").asText()).isEqualTo("accepted");
        assertThat(InvitationPage.open(new dev.firmaccess.it.invitations.Browser(), link).status())
                .as("the link is used: no second way in").isEqualTo(410);
    }

    @Test
    void anInvitationItsSenderCanNoLongerGiveIsCancelledByTheSignInAndTheJoinerJoinsOnceByTheRules() {
        setRules(ledger, Map.of("autoJoin", true, "role", "member",
                "grants", List.of(Map.of("businessId", business, "level", "full"))));
        Person admin = setup.staff(ledger, "ada", "admin");
        String joiner = joinerAt(ledger, "jules");
        String invitationId = assertStatus(setup.as(admin, ledger).post("/invitations", Map.of(
                "invitees", List.of(Map.of("email", joiner + "@" + domain(ledger))), "role", "admin")), 201)
                .json().get(0).get("id").asText();
        assertStatus(setup.as(owner, ledger).put("/staff/" + admin.id() + "/role", Map.of("role", "member")), 200);
        String later = setup.business(ledger, "Afterwards Ltd");

        try (EventReceiver app = new EventReceiver(); Browser browser = new Browser()) {
            String subscriber = subscribe(app, List.of("staff.added", "business.archived"));
            signInThroughProvider(browser.driver(), joiner);
            assertStatus(setup.as(owner, ledger).post("/businesses/" + later + "/archive", null), 200);

            List<Received> events = app.awaitAccepted(2);
            assertThat(events).extracting(Received::type).containsExactly("staff.added", "business.archived");
            assertThat(events.get(0).body().at("/data/action").asText()).isEqualTo("sso.joined");
            assertStatus(setup.asRealmAdmin(ledger).delete("/event-subscribers/" + subscriber), 204);
        }

        String userId = userIdOf(joiner);
        assertThat(joinedEntries(ledger, userId)).isEqualTo(1);
        assertThat(auditEntries(ledger, "staff.added", userId)).isZero();
        assertThat(setup.staffView(ledger, new Person(joiner, userId)).get("role").asText()).isEqualTo("member");
        assertThat(assertStatus(setup.as(owner, ledger).get("/invitations/" + invitationId), 200).json()
                .get("status").asText()).isEqualTo("cancelled");
        JsonNode cancelled = assertStatus(setup.asRealmAdmin(ledger)
                .get("/audit?action=invitation.cancelled&targetId=" + invitationId), 200).json();
        assertThat(cancelled).hasSize(1);
        assertThat(cancelled.get(0).at("/after/reason").asText()).isEqualTo("joined_through_identity_provider");
        assertThat(cancelled.get(0).at("/after/problem").asText()).isEqualTo("inviter_lost_rights");
    }

    /** A person of the provider realm with an address of the firm's domain; answers their username. */
    private String joinerAt(Firm firm, String stem) {
        String username = stem + "-" + firm.alias();
        provider.createUser(username, username + "@" + domain(firm), true);
        return username;
    }

    private void setRules(Firm firm, Map<String, Object> rules) {
        assertStatus(setup.asRealmAdmin(firm).put("/sso/joiner-rules", rules), 200);
    }

    private static String domain(Firm firm) {
        return firm.alias() + ".example.test";
    }

    private void verifyDomains(Firm firm) {
        OrganizationRepresentation org = setup.realm().admin().organizations().get(firm.id()).toRepresentation();
        OrganizationDomainRepresentation verified = new OrganizationDomainRepresentation();
        verified.setName(domain(firm));
        verified.setVerified(true);
        org.getDomains().clear();
        org.addDomain(verified);
        try (Response updated = setup.realm().admin().organizations().get(firm.id()).update(org)) {
            assertThat(updated.getStatus()).isEqualTo(204);
        }
    }

    /** An OpenID Connect provider in the firm's realm pointing at the provider realm, linked to the firm. */
    private void link(Firm firm, String alias) {
        String issuer = env.server().baseUrl() + "/realms/" + provider.name();
        IdentityProviderRepresentation idp = new IdentityProviderRepresentation();
        idp.setAlias(alias);
        idp.setDisplayName(firm.name().split(" ")[0] + " sign-in");
        idp.setProviderId("oidc");
        idp.setEnabled(true);
        idp.setTrustEmail(true);
        idp.setConfig(new HashMap<>(Map.ofEntries(
                Map.entry("issuer", issuer),
                Map.entry("authorizationUrl", issuer + "/protocol/openid-connect/auth"),
                Map.entry("tokenUrl", issuer + "/protocol/openid-connect/token"),
                Map.entry("userInfoUrl", issuer + "/protocol/openid-connect/userinfo"),
                Map.entry("jwksUrl", issuer + "/protocol/openid-connect/certs"),
                Map.entry("useJwksUrl", "true"),
                Map.entry("validateSignature", "true"),
                Map.entry("clientId", BROKER_CLIENT),
                Map.entry("clientSecret", BROKER_SECRET),
                Map.entry("clientAuthMethod", "client_secret_post"),
                Map.entry("defaultScope", "openid email profile"),
                Map.entry("syncMode", "IMPORT"),
                Map.entry("kc.org.domain", domain(firm)),
                Map.entry("kc.org.broker.redirect.mode.email-matches", "true"))));
        try (Response created = setup.realm().admin().identityProviders().create(idp)) {
            assertThat(created.getStatus()).isEqualTo(201);
        }
        try (Response linked = setup.realm().admin().organizations().get(firm.id()).identityProviders()
                .addIdentityProvider(alias)) {
            assertThat(linked.getStatus()).isEqualTo(204);
        }
    }

    private String consoleUrl() {
        return env.server().baseUrl() + "/realms/" + setup.realm().name() + "/firm-access/console/";
    }

    /** Keycloak's identity-first login: the address sends the browser to the firm's provider. */
    private void startSignIn(WebDriver driver, String username) {
        driver.get(consoleUrl());
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(username + "@" + domainOf(username));
        ConsolePages.replacePage(driver, () -> driver.findElement(By.id("kc-login")).click());
        assertThat(driver.getCurrentUrl()).as("the provider realm's login").contains("/realms/" + provider.name() + "/");
    }

    private void signInThroughProvider(WebDriver driver, String username) {
        startSignIn(driver, username);
        signInAtProvider(driver, username);
        ConsolePages.awaitConsole(driver);
    }

    /** The provider realm's own login page: username and password on one page. */
    private static void signInAtProvider(WebDriver driver, String username) {
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("password")));
        driver.findElement(By.id("username")).clear();
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(TestRealm.PASSWORD);
        ConsolePages.replacePage(driver, () -> driver.findElement(By.id("kc-login")).click());
    }

    private String domainOf(String username) {
        return username.substring(username.indexOf('-') + 1) + ".example.test";
    }

    private record SignedIn(JsonNode claim, String refreshToken) {
    }

    /**
     * The firm's entry of the {@code firm_access} claim in tokens of the test client, minted for the
     * browser's session (the joiner has no password in the firm's realm): an authorization code
     * issued at once to the signed-in browser, traded for tokens.
     */
    private SignedIn firmClaim(WebDriver driver, Firm firm) {
        String redirect = env.server().baseUrl() + "/realms/" + setup.realm().name() + "/sso-test-landing";
        driver.get(env.server().baseUrl() + "/realms/" + setup.realm().name()
                + "/protocol/openid-connect/auth?response_type=code&scope=openid&client_id=" + TestRealm.TEST_CLIENT
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(redirect));
        Matcher code = Pattern.compile("(?:^|&)code=([^&]+)").matcher(URI.create(driver.getCurrentUrl()).getRawQuery());
        assertThat(code.find()).as("a code in %s", driver.getCurrentUrl()).isTrue();
        HttpJson.Reply tokens = env.http().postForm("/realms/" + setup.realm().name() + "/protocol/openid-connect/token",
                Map.of("grant_type", "authorization_code", "client_id", TestRealm.TEST_CLIENT,
                        "code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri", redirect));
        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        JsonNode claims = TokenClaims.of(tokens.json().get("access_token").asText()).get("firm_access");
        List<JsonNode> entries = new ArrayList<>();
        claims.forEach(entry -> {
            if (firm.id().equals(entry.get("id").asText())) {
                entries.add(entry);
            }
        });
        assertThat(entries).as("the claim's entry of %s in %s", firm.alias(), claims).hasSize(1);
        return new SignedIn(entries.get(0), tokens.json().get("refresh_token").asText());
    }

    private String userIdOf(String username) {
        return setup.realm().admin().users().searchByUsername(username, true).get(0).getId();
    }

    /** The firm's audit entries of joins through its provider for the user. */
    private long joinedEntries(Firm firm, String userId) {
        return auditEntries(firm, "sso.joined", userId);
    }

    /** The firm's audit entries of an action on a target. */
    private long auditEntries(Firm firm, String action, String targetId) {
        return assertStatus(setup.asRealmAdmin(firm).get("/audit?action=" + action + "&targetId=" + targetId), 200)
                .json().size();
    }

    /** Registers the app for the firm's events of those types; answers the subscriber's id. */
    private String subscribe(EventReceiver app, List<String> types) {
        JsonNode created = assertStatus(setup.asRealmAdmin(ledger).post("/event-subscribers",
                Map.of("url", app.url(), "eventTypes", types)), 201).json();
        app.trust(created.get("secret").asText());
        return created.get("id").asText();
    }

    private String testClient() {
        return setup.realm().admin().clients().findByClientId(TestRealm.TEST_CLIENT).get(0).getId();
    }
}
