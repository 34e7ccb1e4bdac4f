package dev.firmaccess.testing;

import java.nio.file.Path;
import org.keycloak.admin.client.Keycloak;

/**
 * A real Keycloak with the Firm Access provider, for an app's tests: started from the Keycloak
 * distribution as a child process, loaded with firms from fixture files, and stopped on
 * {@link #close()}. Everything it needs is given to its {@link Builder} or found by it; it reads no
 * system properties.
 *
 * <pre>{@code
 * try (FirmAccessKeycloak keycloak = FirmAccessKeycloak.builder().start()) {
 *     LoadedFirm firm = keycloak.load(FirmFixture.read(Path.of("src/test/resources/firm.json")));
 *     String token = firm.accessToken("mia");
 * }
 * }</pre>
 */
public final class FirmAccessKeycloak implements AutoCloseable {

    private final KeycloakServer server;
    private final Keycloak admin;

    private FirmAccessKeycloak(KeycloakServer server) {
        this.server = server;
        this.admin = server.adminClient();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The server's root URL, e.g. {@code http://127.0.0.1:41234}; a realm's issuer is {@code baseUrl()/realms/{name}}. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** A master-realm admin client of the bootstrap admin ({@value KeycloakServer#ADMIN_USERNAME}). */
    public Keycloak admin() {
        return admin;
    }

    /** The server process itself: its port, its home folder and its log. */
    public KeycloakServer server() {
        return server;
    }

    /** Creates the fixture's realm with its firm and people; see {@link FirmFixture} for the format. */
    public LoadedFirm load(FirmFixture fixture) {
        return FixtureLoader.load(new HttpJson(baseUrl()), admin, fixture);
    }

    @Override
    public void close() {
        admin.close();
        server.close();
    }

    /**
     * How to run the server. Defaults: the distribution of the Keycloak version this kit was built
     * for, from the Maven repository in {@code ~/.m2/repository}; the provider jar found on the
     * classpath; the work directory {@code target/firm-access-keycloak}; in-memory H2; a 1 GB heap.
     */
    public static final class Builder extends ServerOptions<Builder> {
        private Path distribution;
        private String keycloakVersion = KeycloakDistributionSource.defaultVersion();
        private Path mavenRepository = Path.of(System.getProperty("user.home"), ".m2", "repository");
        private Path providerJar;
        private Path workDirectory = Path.of("target", "firm-access-keycloak");

        private Builder() {
        }

        /** An unpacked Keycloak distribution folder (with {@code bin/kc.sh}); the kit runs a copy of it. */
        public Builder distribution(Path folder) {
            this.distribution = folder;
            return this;
        }

        /** The version of {@code org.keycloak:keycloak-quarkus-dist} taken from the Maven repository. */
        public Builder keycloakVersion(String version) {
            this.keycloakVersion = version;
            return this;
        }

        /** The local Maven repository that holds the distribution archive. */
        public Builder mavenRepository(Path repository) {
            this.mavenRepository = repository;
            return this;
        }

        public Builder providerJar(Path jar) {
            this.providerJar = jar;
            return this;
        }

        /**
         * Where the kit keeps its copy of Keycloak between runs, so that later starts skip the
         * unpacking and {@code kc.sh build}. One running server per work directory.
         */
        public Builder workDirectory(Path directory) {
            this.workDirectory = directory;
            return this;
        }

        /** Starts the server and waits until it answers; throws with the server log's tail if it does not. */
        public FirmAccessKeycloak start() {
            Path jar = providerJar != null ? providerJar : ProviderJarOnClasspath.find();
            // kc.sh runs in its own folder: a relative path would then point elsewhere
            Path work = workDirectory.toAbsolutePath();
            Path home = distribution != null
                    ? KeycloakDistributionSource.copyOf(distribution, work)
                    : KeycloakDistributionSource.fromMavenRepository(mavenRepository, keycloakVersion, work);
            return new FirmAccessKeycloak(copyTo(KeycloakServer.builder(home).provider(jar)).build().start());
        }
    }
}
