package dev.firmaccess.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;

/** A real PostgreSQL server from Maven Central binaries, on a free loopback port. */
public final class EmbeddedPostgresDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPostgresDatabase start() {
        try {
            return new EmbeddedPostgresDatabase(EmbeddedPostgres.builder().setPort(FreePorts.next()).start());
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    public Database asKeycloakDatabase() {
        return Database.postgres(jdbcUrl(), "postgres", "postgres");
    }

    /** A direct connection, for tests that look at the schema Keycloak migrated. */
    public Connection connect() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
