package dev.firmaccess.it;

import static dev.firmaccess.it.support.Replies.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.it.portal.PortalBrowser;
import dev.firmaccess.it.support.OwnRealmTest;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.WithSharedServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * The console's pages keep their own framing and content policy in a realm whose administrator
 * let an application frame the realm's login pages, and no cache keeps the pages and downloads
 * that name people: another site cannot put a console page into a frame to trick a signed-in
 * admin into a click, and a shared computer keeps no list of people and no link page.
 */
@WithSharedServer
class BrowserSecurityHeadersIT extends OwnRealmTest {

    private static final String REALM_HSTS = "max-age=60";

    private PortalBrowser olivia;
    private String firmPages;
    private String api;
    private String membership;

    BrowserSecurityHeadersIT() {
        super("console-headers");
    }

    @BeforeAll
    void setUp() {
        firmOwnedByOlivia("Frame & Co", "frame");
        api = firmApi("frame");
        String business = ok(checked.post(api + "/businesses", realm.accessToken("olivia"),
                Map.of("name", "Bakery Ltd"))).json().get("id").asText();
        membership = ok(checked.post(api + "/portal/invitations", realm.accessToken("olivia"), Map.of(
                "businessId", business, "role", "owner", "send", false,
                "invitees", List.of(Map.of("email", "guest@customer.test"))))).json().get(0).get("id").asText();
        RealmRepresentation relaxed = realm.admin().toRepresentation();
        Map<String, String> headers = new HashMap<>(relaxed.getBrowserSecurityHeaders());
        headers.put("xFrameOptions", "");
        headers.put("contentSecurityPolicy", "frame-ancestors 'self' https://app.example.test");
        headers.put("strictTransportSecurity", REALM_HSTS);
        relaxed.setBrowserSecurityHeaders(headers);
        realm.admin().update(relaxed);
        String console = "/realms/" + realm.name() + "/firm-access/console/";
        firmPages = console + "firms/frame/";
        olivia = new PortalBrowser();
        olivia.signInToConsole(http.url(console), "olivia", TestRealm.PASSWORD);
    }

    @Test
    void aConsolePageForbidsEveryFrameAndForeignContentWhateverTheRealmAllowsItsLoginPages() {
        for (String page : List.of(firmPages + "staff", firmPages + "teams/no-such-team")) {
            HttpJson.Reply reply = asOlivia(page);

            assertThat(reply.status()).as(page).isIn(200, 404);
            assertThat(reply.header("X-Frame-Options")).as(page).isEqualTo("DENY");
            assertThat(reply.header("Content-Security-Policy")).as(page)
                    .contains("frame-ancestors 'none'", "default-src 'self'").doesNotContain("app.example.test");
            assertThat(reply.header("Cache-Control")).as(page).isEqualTo("no-store");
            assertThat(reply.header("Strict-Transport-Security")).as("the realm's other headers stay").isEqualTo(REALM_HSTS);
        }
    }

    @Test
    void thePortalUsersDownloadIsStoredByNoCache() {
        HttpJson.Reply console = asOlivia(firmPages + "portal/export");
        HttpJson.Reply viaApi = http.send(http.request(api + "/portal/export", realm.accessToken("olivia"))
                .setHeader("Accept", "text/csv"));

        for (HttpJson.Reply download : List.of(console, viaApi)) {
            assertThat(download.status()).as(download.toString()).isEqualTo(200);
            assertThat(download.body()).contains("guest@customer.test");
            assertThat(download.header("Cache-Control")).isEqualTo("no-store");
        }
    }

    @Test
    void theAnswersOfTheFirmAdminAndEvaluationApisAreStoredByNoCacheAndTokensStayKeycloaks() {
        String token = realm.accessToken("olivia");
        HttpJson.Reply staff = http.get(api + "/staff", token);
        HttpJson.Reply refused = http.get(api + "/staff", null);
        HttpJson.Reply admin = http.get("/admin/realms/" + realm.name() + "/firm-access/firms/frame/staff",
                realm.adminToken());
        HttpJson.Reply decision = http.post("/realms/" + realm.name() + "/firm-access/access/v1/evaluation", token,
                Map.of("subject", Map.of("type", "user", "id", realm.admin().users().search("olivia").get(0).getId()),
                        "action", Map.of("name", "read"),
                        "resource", Map.of("type", "business", "id", "nothing")));

        for (HttpJson.Reply answer : List.of(staff, refused, admin, decision)) {
            assertThat(answer.header("Cache-Control")).as(answer.toString()).isEqualTo("no-store");
        }
        assertThat(staff.status()).isEqualTo(200);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(admin.status()).as(admin.toString()).isEqualTo(200);
        assertThat(decision.status()).as(decision.toString()).isEqualTo(200);
        HttpJson.Reply discovery = http.get("/realms/" + realm.name() + "/.well-known/openid-configuration", null);
        assertThat(discovery.header("Cache-Control")).as("Keycloak's own answers keep Keycloak's caching")
                .isNotEqualTo("no-store");
    }

    @Test
    void thePagesOfAStaffAndAPortalLinkAreStoredByNoCache() {
        String token = realm.accessToken("olivia");
        String invitation = ok(checked.post(api + "/invitations", token, Map.of(
                "invitees", List.of(Map.of("email", "new-staff@example.test")), "role", "member"))).json().get(0)
                .get("id").asText();
        String staffLink = ok(checked.post(api + "/invitations/" + invitation + "/link", token, "")).json()
                .get("link").asText();
        String portalLink = ok(checked.post(api + "/portal/memberships/" + membership + "/link", token, "")).json()
                .get("url").asText();

        for (String link : List.of(staffLink, portalLink, staffLink + "x")) {
            HttpJson.Reply page = http.send(HttpRequest.newBuilder(URI.create(link)).header("Accept", "text/html"));

            assertThat(page.status()).as(link).isIn(200, 400);
            assertThat(page.header("Cache-Control")).as(link).isEqualTo("no-store");
        }
    }

    private HttpJson.Reply asOlivia(String path) {
        return http.send(http.request(path, null).setHeader("Accept", "text/html")
                .header("Cookie", olivia.cookieHeader()));
    }
}
