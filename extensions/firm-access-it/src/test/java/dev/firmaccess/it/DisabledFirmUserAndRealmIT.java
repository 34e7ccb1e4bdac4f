package dev.firmaccess.it;

import static dev.firmaccess.it.support.ConnectionKeys.SCRIPTS;
import static dev.firmaccess.it.support.Replies.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.it.support.ConnectionKeys;
import dev.firmaccess.it.support.EvaluatorClient;
import dev.firmaccess.it.support.Firm;
import dev.firmaccess.it.support.FirmSetupTest;
import dev.firmaccess.it.support.Person;
import dev.firmaccess.testing.ClaimScope;
import dev.firmaccess.testing.HttpJson.Reply;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.WithSharedServer;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * A disabled firm, a disabled user and a realm whose organizations feature is off: each is refused
 * on every path that reaches a firm (the firm API, the claim, evaluation, the connection-key
 * exchange, invitation acceptance and portal activation), and everything works again once it is
 * enabled again. Links and keys are made while all is enabled, so only the switch differs.
 */
@WithSharedServer
class DisabledFirmUserAndRealmIT extends FirmSetupTest {

    private static final EvaluatorClient EVALUATOR = new EvaluatorClient("gatekeeper", "gatekeeper-secret-for-tests");

    private Firm firm;
    private Person member;
    private String business;
    private String key;
    private String invitationLink;
    private String activationLink;

    DisabledFirmUserAndRealmIT() {
        super("disabled");
    }

    @BeforeAll
    void setUp() {
        firm = setup.newFirm("Paused Books");
        business = setup.business(firm, "Shared business");
        member = setup.staffWithFullAccessTo(firm, "mia", "member", business);
        EVALUATOR.ensureIn(realm);
        realm.addTestClientScope(ClaimScope.create(realm.admin(), "firm-access", Map.of()));
        realm.createConnectionKeyClient(SCRIPTS);
        key = assertStatus(setup.asJustSignedIn(member, firm).post("/staff/" + member.id() + "/keys",
                Map.of("name", "Script")), 201)
                .json().get("key").asText();
        String invitation = setup.invitation(firm, "paused-invitee@example.test");
        invitationLink = assertStatus(setup.asRealmAdmin(firm).post("/invitations/" + invitation + "/link", null), 200)
                .json().get("link").asText();
        String membership = assertStatus(setup.asRealmAdmin(firm).post("/portal/invitations", Map.of(
                "businessId", business, "role", "owner", "send", false,
                "invitees", List.of(Map.of("email", "paused-customer@example.test")))), 201).json().get(0).get("id").asText();
        activationLink = assertStatus(setup.asRealmAdmin(firm).post("/portal/memberships/" + membership + "/link", null), 200)
                .json().get("url").asText();
    }

    @Test
    void aDisabledFirmIsRefusedEverywhereUntilItIsEnabledAgain() {
        refusedWhileSwitchedOff(this::setFirmEnabled, this::assertEveryPathToTheFirmRefuses);
    }

    @Test
    void aRealmWithoutOrganizationsRefusesEverythingUntilTheyAreOnAgain() {
        // Without organizations Firm Access is off in the realm: its evaluation API and its link pages
        // answer 404 as a whole.
        refusedWhileSwitchedOff(this::setOrganizationsEnabled, () -> assertEveryPathRefuses(() ->
                assertThat(evaluation().status()).as("evaluation").isEqualTo(404), 404));
    }

    @Test
    void aDisabledUserIsRefusedEverywhereUntilEnabledAgain() {
        String tokenFromBefore = setup.token(member);
        refusedWhileSwitchedOff(this::setUserEnabled, () -> {
            assertThat(setup.api().get(setup.firmApiBase() + "/firms/" + firm.id(), tokenFromBefore).status())
                    .as("the firm API with a token issued before").isEqualTo(401);
            assertThat(signIn().status()).as("signing in for a token with the claim").isEqualTo(400);
            assertThat(memberMayReadTheBusiness()).as("evaluation of a disabled user").isFalse();
            assertThat(keyExchange().status()).as("key exchange").isEqualTo(400);
        });
    }

    /** Everything works, then the refusals hold while the switch is off, then everything works again. */
    private void refusedWhileSwitchedOff(Consumer<Boolean> enabled, Runnable refusals) {
        assertEverythingWorks();
        enabled.accept(false);
        try {
            refusals.run();
        } finally {
            enabled.accept(true);
        }
        assertEverythingWorks();
    }

    private void assertEveryPathToTheFirmRefuses() {
        assertEveryPathRefuses(() -> assertThat(memberMayReadTheBusiness()).as("evaluation").isFalse(), 410);
    }

    /** The link pages answer {@code linkPageRefusal}: 410 for a link into a disabled firm, 404 where Firm Access is off. */
    private void assertEveryPathRefuses(Runnable evaluationRefuses, int linkPageRefusal) {
        assertThat(firmApiStatus()).as("the firm API").isEqualTo(404);
        assertThat(claimNamesTheFirm()).as("the claim names the firm").isFalse();
        evaluationRefuses.run();
        assertThat(keyExchange().status()).as("key exchange").isEqualTo(400);
        assertThat(pageStatus(invitationLink)).as("the invitation page").isEqualTo(linkPageRefusal);
        assertThat(pageStatus(activationLink)).as("the activation page").isEqualTo(linkPageRefusal);
    }

    private void assertEverythingWorks() {
        assertThat(firmApiStatus()).isEqualTo(200);
        assertThat(claimNamesTheFirm()).as("the claim names the firm").isTrue();
        assertThat(memberMayReadTheBusiness()).as("evaluation").isTrue();
        assertThat(keyExchange().status()).as("key exchange").isEqualTo(200);
        assertThat(pageStatus(invitationLink)).as("the invitation page").isEqualTo(200);
        assertThat(pageStatus(activationLink)).as("the activation page").isEqualTo(200);
    }

    /** The member's own firm as the firm API answers it, with a token made now. */
    private int firmApiStatus() {
        return setup.api().get(setup.firmApiBase() + "/firms/" + firm.id(), realm.accessToken(member.username()))
                .status();
    }

    private boolean claimNamesTheFirm() {
        Reply signedIn = signIn();
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
        String jwt = signedIn.json().get("access_token").asText();
        JsonNode payload = new Reply(200, Map.of(), new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                StandardCharsets.UTF_8)).json();
        return payload.path("firm_access").toString().contains(firm.id());
    }

    private Reply signIn() {
        return http.postForm("/realms/" + realm.name() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", TestRealm.TEST_CLIENT, "username", member.username(),
                "password", TestRealm.PASSWORD, "scope", "openid"));
    }

    private boolean memberMayReadTheBusiness() {
        Reply reply = evaluation();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get("decision").asBoolean();
    }

    /** The evaluator asks whether the member may read the business. */
    private Reply evaluation() {
        return setup.api().post("/realms/" + realm.name() + "/firm-access/access/v1/evaluation",
                evaluatorToken(), Map.of(
                        "subject", Map.of("type", "user", "id", member.id()),
                        "action", Map.of("name", "read"),
                        "resource", Map.of("type", "business", "id", business)));
    }

    private Reply keyExchange() {
        return ConnectionKeys.exchange(http, realm.name(), SCRIPTS, key, null);
    }

    /** The status of the page behind a link, opened by someone not signed in. */
    private int pageStatus(String link) {
        return setup.api().get(URI.create(link).getRawPath(), null).status();
    }

    private void setFirmEnabled(boolean enabled) {
        OrganizationResource organization = realm.admin().organizations().get(firm.id());
        OrganizationRepresentation representation = organization.toRepresentation();
        representation.setEnabled(enabled);
        try (Response updated = organization.update(representation)) {
            assertThat(updated.getStatus()).isEqualTo(204);
        }
    }

    private void setUserEnabled(boolean enabled) {
        UserResource user = realm.admin().users().get(member.id());
        UserRepresentation representation = user.toRepresentation();
        representation.setEnabled(enabled);
        user.update(representation);
    }

    private void setOrganizationsEnabled(boolean enabled) {
        RealmRepresentation change = new RealmRepresentation();
        change.setOrganizationsEnabled(enabled);
        realm.admin().update(change);
    }

    private String evaluatorToken() {
        return EVALUATOR.token(http, realm);
    }
}
