package dev.firmaccess.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.testing.EmbeddedPostgresDatabase;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.TestRealm;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The production path: Keycloak on a real PostgreSQL migrates our tables and round-trips our data. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresStorageIT {

    private EmbeddedPostgresDatabase postgres;
    private TestEnvironment env;

    @BeforeAll
    void startKeycloakOnPostgres() {
        postgres = EmbeddedPostgresDatabase.start();
        env = TestEnvironment.start("postgres", postgres.asKeycloakDatabase());
    }

    @AfterAll
    void stop() {
        if (env != null) {
            env.close();
        }
        if (postgres != null) {
            postgres.close();
        }
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
        try (Connection connection = postgres.connect();
                PreparedStatement query = connection.prepareStatement(
                        "select table_name from information_schema.tables where table_name like ?")) {
            query.setString(1, pattern);
            List<String> names = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        }
    }

    private String storedRole(String firmId, String userId) throws SQLException {
        try (Connection connection = postgres.connect();
                PreparedStatement query = connection.prepareStatement(
                        "select role from fa_staff where org_id = ? and user_id = ?")) {
            query.setString(1, firmId);
            query.setString(2, userId);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as("a stored staff row").isTrue();
                return rows.getString(1);
            }
        }
    }
}
