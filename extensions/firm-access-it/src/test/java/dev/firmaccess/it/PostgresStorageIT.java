package dev.firmaccess.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.it.portal.ActivationPage;
import dev.firmaccess.it.portal.AtOnce;
import dev.firmaccess.it.portal.PortalBrowser;
import dev.firmaccess.testing.EmbeddedPostgresDatabase;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.PostgresEnvironment;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.WithSharedServer;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The production path: Keycloak on a real PostgreSQL migrates our tables, round-trips our data, and
 * its row locks let only one of several simultaneous portal activations through.
 */
@WithSharedServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresStorageIT {

    private static final Pattern ACTIVATION = Pattern.compile("https?://\\S+/portal/activate/[A-Za-z0-9._-]+");

    private EmbeddedPostgresDatabase postgres;
    private TestEnvironment env;

    @BeforeAll
    void useKeycloakOnPostgres(PostgresEnvironment postgresServer) {
        postgres = postgresServer.database();
        env = postgresServer.server();
    }

    @Test
    void liquibaseCreatedTheExtensionTables() throws SQLException {
        assertThat(tablesLike("fa\\_%")).contains("fa_staff", "fa_business", "fa_grant", "fa_audit");
    }

    @Test
    void aStaffRoleIsStoredInPostgresAndReadBackThroughTheApi() throws SQLException {
        TestRealm realm = env.newRealm("pg");
        String firmId = realm.createFirm("Postgres Partners", "pg-partners");
        String userId = realm.createUser("petra");
        realm.addMember(firmId, userId);

        HttpJson.Reply set = env.http().put("/admin/realms/" + realm.name() + "/firm-access/firms/" + firmId
                + "/staff/" + userId + "/role", realm.adminToken(), Map.of("role", "admin"));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);

        JsonNode firms = env.http().get("/realms/" + realm.name() + "/firm-access/api/v1/firms",
                realm.accessToken("petra")).json();
        assertThat(firms.get(0).get("role").asText()).isEqualTo("admin");
        assertThat(storedRole(firmId, userId)).isEqualTo("ADMIN");
    }

    private List<String> tablesLike(String pattern) throws SQLException {
        return column("select table_name from information_schema.tables where table_name like ?", pattern);
    }

    private String storedRole(String firmId, String userId) throws SQLException {
        List<String> roles = column("select role from fa_staff where org_id = ? and user_id = ?", firmId, userId);
        assertThat(roles).as("a stored staff row").isNotEmpty();
        return roles.get(0);
    }

    /** The first column of every row the query answers, read straight from the database. */
    private List<String> column(String sql, String... parameters) throws SQLException {
        try (Connection connection = postgres.connect();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    @Test
    void simultaneousRegistrationsOnPostgresGiveOneActiveMembershipAndOneAccount() throws SQLException {
        InvitedCustomer harriet = inviteToThePortal("pg-portal", "harriet@customer.test");
        ActivationPage page = ActivationPage.open(new PortalBrowser(), harriet.link());

        List<Integer> statuses = AtOnce.statuses(4, () -> page.register("Harriet", "Harbour", "S3cret-pass!",
                "S3cret-pass!"));

        assertThat(statuses).filteredOn(status -> status == 303).hasSize(1);
        assertThat(harriet.realm().admin().users().searchByEmail(harriet.email(), true)).hasSize(1);
        assertThat(storedStatus(harriet.business(), harriet.email())).isEqualTo("ACTIVE");
    }

    /** The stored expiry decides, not the link's own: the row is aged in the database as time would age it. */
    @Test
    void anActivationLinkPastItsExpiryIsRefusedAndChangesNothing() throws SQLException {
        InvitedCustomer ines = inviteToThePortal("pg-expiry", "ines@customer.test");
        try (Connection connection = postgres.connect();
                PreparedStatement age = connection.prepareStatement(
                        "update fa_portal_membership set expires_at = ? where business_id = ? and email = ?")) {
            age.setLong(1, System.currentTimeMillis() - 60_000);
            age.setString(2, ines.business());
            age.setString(3, ines.email());
            assertThat(age.executeUpdate()).isEqualTo(1);
        }

        ActivationPage page = ActivationPage.open(new PortalBrowser(), ines.link());

        assertThat(page.status()).isEqualTo(410);
        assertThat(page.problem()).isEqualTo("firmAccessPortalProblem.EXPIRED");
        assertThat(page.offersRegistration()).as("a form to create the account").isFalse();
        assertThat(ines.realm().admin().users().searchByEmail(ines.email(), true)).isEmpty();
        assertThat(storedStatus(ines.business(), ines.email())).isEqualTo("PENDING");
        HttpJson.Reply listed = env.http().get(ines.firmApi() + "/portal/memberships?business=" + ines.business(),
                ines.ownerToken());
        assertThat(listed.json().get(0).get("status").asText()).isEqualTo("expired");
    }

    /** A staff invitation ages like the portal's: its stored expiry is moved into the past in the database. */
    @Test
    void anExpiredInvitationShowsTheExpiredPageAndChangesNothing() throws SQLException {
        TestRealm realm = env.newRealm("pg-invitation");
        String firmId = realm.createFirm("Postgres Partners", "pg-partners");
        String admin = "/admin/realms/" + realm.name() + "/firm-access/firms/" + firmId;
        String email = "eve@staff.test";
        HttpJson.Reply invited = env.http().post(admin + "/invitations", realm.adminToken(),
                Map.of("invitees", List.of(Map.of("email", email)), "role", "member"));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        String id = invited.json().get(0).get("id").asText();
        String link = env.http().post(admin + "/invitations/" + id + "/link", realm.adminToken(), null).json()
                .get("link").asText();
        try (Connection connection = postgres.connect();
                PreparedStatement age = connection.prepareStatement(
                        "update fa_invitation set expires_at = ? where id = ?")) {
            age.setLong(1, System.currentTimeMillis() - 60_000);
            age.setString(2, id);
            assertThat(age.executeUpdate()).isEqualTo(1);
        }

        HttpJson.Reply page = env.http().get(URI.create(link).getRawPath(), null);

        assertThat(page.status()).isEqualTo(410);
        assertThat(Jsoup.parse(page.body()).getElementById("fa-problem").attr("data-problem"))
                .isEqualTo("firmAccessInvitationExpired");
        assertThat(realm.admin().users().searchByEmail(email, true)).isEmpty();
        JsonNode listed = env.http().get(admin + "/invitations?status=expired&email=" + email, realm.adminToken())
                .json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("expired").asBoolean()).isTrue();
    }

    /** A realm with a firm whose owner invited one customer into one business; the link from the mail. */
    private InvitedCustomer inviteToThePortal(String realmStem, String email) {
        TestRealm realm = env.newRealm(realmStem);
        String firmId = realm.createFirm("Postgres Partners", "pg-partners");
        String owner = realm.createUser("petra");
        realm.addMember(firmId, owner);
        HttpJson http = env.http();
        assertThat(http.put("/admin/realms/" + realm.name() + "/firm-access/firms/" + firmId + "/staff/" + owner
                + "/role", realm.adminToken(), Map.of("role", "owner")).status()).isEqualTo(200);
        String firmApi = "/realms/" + realm.name() + "/firm-access/api/v1/firms/" + firmId;
        String token = realm.accessToken("petra");
        String business = http.post(firmApi + "/businesses", token, Map.of("name", "Harbour Ltd")).json()
                .get("id").asText();
        HttpJson.Reply invited = http.post(firmApi + "/portal/invitations", token, Map.of("businessId", business,
                "role", "guest", "invitees", List.of(Map.of("email", email))));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        String text = env.mail().awaitMessageTo(email, Duration.ofSeconds(20)).text();
        String link = ACTIVATION.matcher(text).results().map(MatchResult::group).findFirst().orElseThrow();
        return new InvitedCustomer(realm, firmApi, token, business, email, link);
    }

    private record InvitedCustomer(TestRealm realm, String firmApi, String ownerToken, String business, String email,
            String link) {
    }

    private String storedStatus(String businessId, String email) throws SQLException {
        List<String> statuses = column("select status from fa_portal_membership where business_id = ? and email = ?",
                businessId, email);
        assertThat(statuses).as("a stored portal membership").isNotEmpty();
        return statuses.get(0);
    }
}
