package dev.firmaccess.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Set-up rows written straight into the database, for what the public API would take minutes to
 * create and the run does not measure: the businesses and grants of the firms that only show how
 * the figures change with size, and portal workspaces. The measured firm is loaded through the
 * public API (FirmLoader).
 */
final class SqlRows {

    private static final int BATCH = 1_000;

    private final Supplier<Connection> connections;
    private final String realmId;

    SqlRows(Supplier<Connection> connections, String realmId) {
        this.connections = connections;
        this.realmId = realmId;
    }

    /** Creates {@code count} active businesses in the firm; answers their ids. */
    List<String> businesses(String firmId, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        insert("insert into FA_BUSINESS (ID, REALM_ID, ORG_ID, NAME, ARCHIVED, CREATED_AT) values (?, ?, ?, ?, false, ?)",
                count, (statement, i) -> {
                    statement.setString(1, ids.get(i));
                    statement.setString(2, realmId);
                    statement.setString(3, firmId);
                    statement.setString(4, String.format("Client %06d", i));
                    statement.setLong(5, System.currentTimeMillis());
                });
        return ids;
    }

    /** Grants of the businesses to one subject ({@code USER} or {@code TEAM}) at one level. */
    void grants(String firmId, List<String> businessIds, String subjectType, String subjectId, String level) {
        insert("insert into FA_GRANT (ID, ORG_ID, BUSINESS_ID, SUBJECT_TYPE, SUBJECT_ID, ACCESS_LEVEL, CREATED_AT)"
                + " values (?, ?, ?, ?, ?, ?, ?)", businessIds.size(), (statement, i) -> {
                    statement.setString(1, UUID.randomUUID().toString());
                    statement.setString(2, firmId);
                    statement.setString(3, businessIds.get(i));
                    statement.setString(4, subjectType);
                    statement.setString(5, subjectId);
                    statement.setString(6, level);
                    statement.setLong(7, System.currentTimeMillis());
                });
    }

    /** Active portal memberships of one signed-up user, one per business. */
    void portalWorkspaces(String firmId, List<String> businessIds, String userId, String email) {
        insert("insert into FA_PORTAL_MEMBERSHIP (ID, ORG_ID, REALM_ID, BUSINESS_ID, EMAIL, USER_ID, PORTAL_ROLE,"
                + " ACCESS_LEVEL, STATUS, CREATED_AT, ACTIVATED_AT, DELIVERY, COOLDOWN_LIFTED)"
                + " values (?, ?, ?, ?, ?, ?, 'GUEST', 'full', 'ACTIVE', ?, ?, 'NOT_SENT', false)",
                businessIds.size(), (statement, i) -> {
                    statement.setString(1, UUID.randomUUID().toString());
                    statement.setString(2, firmId);
                    statement.setString(3, realmId);
                    statement.setString(4, businessIds.get(i));
                    statement.setString(5, email);
                    statement.setString(6, userId);
                    statement.setLong(7, System.currentTimeMillis());
                    statement.setLong(8, System.currentTimeMillis());
                });
    }

    /**
     * Updates the planner's statistics of the tables written here. The rows go in past the API and are
     * measured at once, before PostgreSQL's autovacuum would have analysed them; plans made from the
     * statistics of nearly empty tables are not the plans a database in use would choose.
     */
    void analyze() {
        try (Connection connection = connections.get(); Statement statement = connection.createStatement()) {
            statement.execute("analyze FA_BUSINESS, FA_GRANT, FA_PORTAL_MEMBERSHIP");
        } catch (SQLException e) {
            throw new IllegalStateException("Analysing the set-up rows failed", e);
        }
    }

    private interface Row {
        void bind(PreparedStatement statement, int index) throws SQLException;
    }

    private void insert(String sql, int count, Row row) {
        try (Connection connection = connections.get(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < count; i++) {
                row.bind(statement, i);
                statement.addBatch();
                if ((i + 1) % BATCH == 0) {
                    statement.executeBatch();
                }
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Set-up rows failed: " + sql, e);
        }
    }
}
