package dev.firmaccess.testing;

import java.util.List;

/**
 * The database a Keycloak server runs on. The kind is a build-time option of Keycloak, the
 * connection settings are runtime options.
 */
public interface Database {

    /** The {@code --db} kind; also names the server flavor built for it. */
    String kind();

    List<String> runOptions();

    /** In-memory H2: nothing survives a restart, nothing is locked between runs. */
    static Database h2InMemory() {
        return simple("dev-mem");
    }

    /** H2 in files under the distribution's {@code data/} folder: survives restarts. */
    static Database h2File() {
        return simple("dev-file");
    }

    static Database postgres(String jdbcUrl, String username, String password) {
        return new Database() {
            @Override
            public String kind() {
                return "postgres";
            }

            @Override
            public List<String> runOptions() {
                return List.of("--db-url=" + jdbcUrl, "--db-username=" + username, "--db-password=" + password);
            }
        };
    }

    private static Database simple(String kind) {
        return new Database() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public List<String> runOptions() {
                return List.of();
            }
        };
    }
}
