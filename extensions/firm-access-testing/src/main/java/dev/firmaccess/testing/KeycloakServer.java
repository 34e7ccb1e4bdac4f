package dev.firmaccess.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.keycloak.admin.client.Keycloak;

/**
 * One Keycloak server process running from a distribution folder, with the given providers
 * installed. {@code kc.sh build} runs only when the providers or build options changed since the
 * last build of that folder; the server then starts with {@code --optimized}.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    /** How long a start may take; {@code -Dfirm-access.startup-timeout-minutes} lengthens it on a machine busy with other builds. */
    private static final Duration DEFAULT_STARTUP_TIMEOUT =
            Duration.ofMinutes(Long.getLong("firm-access.startup-timeout-minutes", 6));
    /**
     * The build options besides the database, as the container image uses them too: health and
     * metrics on the management port, and declarative-ui, without which the admin console hides the
     * extension's Realm settings tab.
     */
    public static final List<String> BUILD_OPTIONS = List.of("--health-enabled=true", "--metrics-enabled=true",
            "--features=declarative-ui");

    /** Holds the fingerprint of the folder's last {@code kc.sh build}. */
    static final String BUILD_MARKER = ".firm-access-build";

    private final Path home;
    private final List<Path> providers;
    private final Database database;
    private final List<String> extraRunOptions;
    private final Map<String, String> environment;
    private final String heap;
    private final Duration startupTimeout;
    private final int httpPort;
    private final int managementPort;
    private final int clusterPort;
    private Process process;

    private KeycloakServer(Builder builder) {
        this.home = builder.home;
        this.providers = List.copyOf(builder.providers);
        this.database = builder.database;
        this.extraRunOptions = List.copyOf(builder.runOptions);
        this.environment = Map.copyOf(builder.environment);
        this.heap = builder.heap;
        this.startupTimeout = builder.startupTimeout;
        this.httpPort = builder.httpPort == 0 ? FreePorts.next() : builder.httpPort;
        this.managementPort = FreePorts.next();
        this.clusterPort = builder.clustered ? FreePorts.next() : 0;
    }

    public static Builder builder(Path home) {
        return new Builder(home);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    /** The management interface: {@code /metrics} and {@code /health}. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public Path home() {
        return home;
    }

    public Path logFile() {
        return home.resolve("firm-access-server.log");
    }

    /** A master-realm admin client, authenticated as the bootstrap admin. */
    public Keycloak adminClient() {
        return Keycloak.getInstance(baseUrl(), "master", ADMIN_USERNAME, ADMIN_PASSWORD, "admin-cli");
    }

    public KeycloakServer start() {
        deleteLog();
        prepare();
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                "--http-management-host=127.0.0.1",
                "--http-management-port=" + managementPort,
                "--hostname-strict=false"));
        command.addAll(cacheOptions());
        command.addAll(database.runOptions());
        command.addAll(extraRunOptions);
        process = launch(command);
        awaitReady();
        return this;
    }

    /**
     * A single node keeps its caches local, with no JGroups discovery listening on every interface; a
     * node of a cluster runs Keycloak's default embedded Infinispan, which finds the other nodes
     * through the shared database (JDBC_PING) and talks to them on its own loopback port.
     */
    private List<String> cacheOptions() {
        if (clusterPort == 0) {
            return List.of("--cache=local");
        }
        return List.of("--cache=ispn", "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + clusterPort);
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        // kc.sh starts java as a child: end the children first or the JVM is orphaned.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /**
     * Writes one realm, its users with their credentials in the same file, with {@code kc.sh export},
     * a second process on the server's database, as an operator backs a realm up. Not for an
     * in-memory database, which only the running server sees.
     */
    public void exportRealm(String realm, Path file) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "export", "--optimized",
                "--realm=" + realm, "--file=" + file, "--cache=local"));
        command.addAll(database.runOptions());
        Process export = launch(command);
        try {
            if (!export.waitFor(5, TimeUnit.MINUTES) || export.exitValue() != 0) {
                export.descendants().forEach(ProcessHandle::destroyForcibly);
                export.destroyForcibly();
                throw new IllegalStateException("kc.sh export failed. Server log:\n" + logTail(80));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during kc.sh export", e);
        }
    }

    /** Installs the providers and runs {@code kc.sh build} when they or the build options changed. */
    public KeycloakServer prepare() {
        installProviders();
        buildIfChanged();
        return this;
    }

    /** The last lines of the server log, for failure messages. */
    public String logTail(int lines) {
        try {
            if (!Files.exists(logFile())) {
                return "(no server log)";
            }
            List<String> all = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(server log unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * Copies the providers in, but leaves a jar whose content is unchanged untouched: Keycloak
     * refuses an optimized start when a provider's modification time differs from the last build.
     */
    private void installProviders() {
        try {
            Path providersDir = home.resolve("providers");
            Files.createDirectories(providersDir);
            List<Path> wanted = providers.stream().map(jar -> providersDir.resolve(jar.getFileName())).toList();
            try (Stream<Path> old = Files.list(providersDir)) {
                for (Path jar : old.filter(p -> p.toString().endsWith(".jar") && !wanted.contains(p)).toList()) {
                    Files.delete(jar);
                }
            }
            for (Path jar : providers) {
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalStateException("Provider jar not found: " + jar + " (run the Maven build first)");
                }
                Path installed = providersDir.resolve(jar.getFileName());
                if (!Files.exists(installed) || Files.mismatch(jar, installed) != -1) {
                    Files.copy(jar, installed, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not install providers into " + home, e);
        }
    }

    private void buildIfChanged() {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build",
                "--db=" + database.kind()));
        command.addAll(BUILD_OPTIONS);
        String fingerprint = fingerprint(command);
        Path marker = home.resolve(BUILD_MARKER);
        try {
            if (Files.exists(marker) && Files.readString(marker).equals(fingerprint)) {
                return;
            }
            Process build = launch(command);
            // about 30 s on an idle machine; over 5 minutes was seen on 2 cores shared with other builds
            if (!build.waitFor(10, TimeUnit.MINUTES) || build.exitValue() != 0) {
                build.destroyForcibly();
                throw new IllegalStateException("kc.sh build failed. Server log:\n" + logTail(80));
            }
            Files.writeString(marker, fingerprint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during kc.sh build", e);
        }
    }

    /**
     * What a build depends on: its options (not the folder's own path, so that a copy of a built
     * folder keeps its build) and the installed providers, content and modification time.
     */
    private String fingerprint(List<String> buildCommand) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(String.join(" ", buildCommand.subList(1, buildCommand.size()))
                    .getBytes(StandardCharsets.UTF_8));
            try (Stream<Path> installed = Files.list(home.resolve("providers"))) {
                for (Path jar : installed.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    digest.update(Files.readAllBytes(jar));
                    digest.update(Long.toString(Files.getLastModifiedTime(jar).toMillis()).getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void deleteLog() {
        try {
            Files.deleteIfExists(logFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Process launch(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
        Map<String, String> env = builder.environment();
        env.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("JAVA_OPTS_KC_HEAP", "-Xms256m -Xmx" + heap);
        env.putAll(environment);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command.get(0), e);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl() + "/realms/master"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        Instant deadline = Instant.now().plus(startupTimeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue()
                        + " during startup. Server log:\n" + logTail(120));
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            sleep(Duration.ofMillis(500));
        }
        String tail = logTail(120);
        close();
        throw new IllegalStateException("Keycloak did not answer within " + startupTimeout + ". Server log:\n" + tail);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static final class Builder extends ServerOptions<Builder> {
        private final Path home;
        private final List<Path> providers = new ArrayList<>();
        private final Map<String, String> environment = new java.util.HashMap<>();
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        private int httpPort;
        private boolean clustered;

        private Builder(Path home) {
            this.home = home;
        }

        public Builder provider(Path jar) {
            providers.add(jar);
            return this;
        }

        public Builder environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /** A fixed port, for the dev server whose URLs people bookmark; tests use a free one. */
        public Builder httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        /** How long a start may take before the server counts as failed; a busy machine needs more. */
        public Builder startupTimeout(Duration value) {
            this.startupTimeout = value;
            return this;
        }

        /** A node of a cluster on a shared database, instead of a single node with local caches. */
        public Builder clustered() {
            this.clustered = true;
            return this;
        }

        public KeycloakServer build() {
            return new KeycloakServer(this);
        }
    }
}
