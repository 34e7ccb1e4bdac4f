package dev.firmaccess.it;

import static dev.firmaccess.it.support.Replies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.it.support.SharedServerTest;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.WithSharedServer;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * Firm Access is on only where an administrator turned it on: elsewhere its realm paths answer
 * 404 and no request, however anonymous, creates a client.
 */
@WithSharedServer
class FirmAccessSwitchIT extends SharedServerTest {

    private static final List<String> CLIENTS = List.of("firm-access", "firm-access-console");

    @Test
    void anonymousRequestsToARealmWhereItIsOffAre404AndCreateNoClient() {
        String realm = plainRealm("switch-off", true);
        try {
            assertAllPathsAre404(realm);
            assertThat(clientIds(realm)).doesNotContainAnyElementsOf(CLIENTS);

            HttpJson.Reply turnedOn = http.put(settings(realm), token(), Map.of("enabled", true));

            assertThat(turnedOn.status()).as(turnedOn.toString()).isEqualTo(200);
            assertThat(turnedOn.json().get("enabled").asBoolean()).isTrue();
            assertThat(clientIds(realm)).containsAll(CLIENTS);
            HttpJson.Reply console = http.get("/realms/" + realm + "/firm-access/console/", null);
            assertThat(console.status()).isEqualTo(303);
        } finally {
            env.admin().realm(realm).remove();
        }
    }

    @Test
    void theMasterRealmNeverAnswersAndCannotBeTurnedOn() {
        assertAllPathsAre404("master");

        assertError(http.put(settings("master"), token(), Map.of("enabled", true)), 400, "invalid_request");

        assertAllPathsAre404("master");
        assertThat(clientIds("master")).doesNotContainAnyElementsOf(CLIENTS);
    }

    @Test
    void aRealmWithoutOrganizationsCannotBeTurnedOnAndNothingChanges() {
        String realm = plainRealm("switch-no-orgs", false);
        try {
            assertError(http.put(settings(realm), token(), Map.of("enabled", true, "claimBusinessCap", 7)), 400,
                    "invalid_request");

            HttpJson.Reply current = http.get(settings(realm), token());
            assertThat(current.json().get("enabled").asBoolean()).isFalse();
            assertThat(current.json().get("claimBusinessCap").asInt()).isEqualTo(30);
            assertThat(clientIds(realm)).doesNotContainAnyElementsOf(CLIENTS);
            assertAllPathsAre404(realm);
        } finally {
            env.admin().realm(realm).remove();
        }
    }

    private void assertAllPathsAre404(String realm) {
        String base = "/realms/" + realm + "/firm-access";
        for (String path : List.of("/console/", "/console/portal", "/invitations/accept/any.link.token",
                "/portal/activate/any.link.token", "/api/v1/firms", "/api/v1/openapi.yaml")) {
            assertThat(http.get(base + path, null).status()).as(base + path).isEqualTo(404);
        }
        assertThat(http.post(base + "/mail-events", null, Map.of("events", List.of())).status()).isEqualTo(404);
        HttpJson.Reply evaluation = http.send(http.request(base + "/access/v1/evaluation", null)
                .header("Content-Type", "application/json").header("X-Request-ID", "req-off")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(evaluation.status()).isEqualTo(404);
        assertThat(evaluation.header("X-Request-ID")).isEqualTo("req-off");
        assertThat(http.get(base + "/access/v1/evaluation", null).status()).isEqualTo(404);
    }

    private String plainRealm(String prefix, boolean organizations) {
        RealmRepresentation rep = new RealmRepresentation();
        rep.setRealm(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
        rep.setEnabled(true);
        rep.setOrganizationsEnabled(organizations);
        env.admin().realms().create(rep);
        return rep.getRealm();
    }

    private List<String> clientIds(String realm) {
        return env.admin().realm(realm).clients().findAll().stream().map(ClientRepresentation::getClientId).toList();
    }

    private static String settings(String realm) {
        return "/admin/realms/" + realm + "/firm-access/settings";
    }

    private String token() {
        return env.admin().tokenManager().getAccessTokenString();
    }
}
