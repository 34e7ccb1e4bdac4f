package dev.firmaccess.testing;

/**
 * The run's second server: Keycloak on an embedded PostgreSQL, the production database, with
 * the database itself at hand for tests that look at the stored rows.
 */
public final class PostgresEnvironment implements AutoCloseable {

    private final EmbeddedPostgresDatabase database;
    private final TestEnvironment server;

    private PostgresEnvironment(EmbeddedPostgresDatabase database, TestEnvironment server) {
        this.database = database;
        this.server = server;
    }

    public static PostgresEnvironment start() {
        EmbeddedPostgresDatabase database = EmbeddedPostgresDatabase.start();
        try {
            return new PostgresEnvironment(database, TestEnvironment.start("postgres", database.asKeycloakDatabase()));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public EmbeddedPostgresDatabase database() {
        return database;
    }

    public TestEnvironment server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}
