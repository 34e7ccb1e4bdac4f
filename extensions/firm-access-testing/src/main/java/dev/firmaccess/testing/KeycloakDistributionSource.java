package dev.firmaccess.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Where the kit gets a Keycloak distribution to run: a folder the caller names (copied, never run
 * in place), or the {@code keycloak-quarkus-dist} archive in a local Maven repository, unpacked
 * into the work directory once.
 */
final class KeycloakDistributionSource {

    private static final String ARTIFACT = "keycloak-quarkus-dist";

    private KeycloakDistributionSource() {
    }

    /** The Keycloak version this kit was built and tested with. */
    static String defaultVersion() {
        try (InputStream in = KeycloakDistributionSource.class.getResourceAsStream("firm-access-testing.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("keycloak.version");
        } catch (IOException e) {
            throw new UncheckedIOException("The kit's firm-access-testing.properties is unreadable", e);
        }
    }

    /** A working copy of an unpacked distribution folder, at {@code workDirectory/keycloak}. */
    static Path copyOf(Path folder, Path workDirectory) {
        return new KeycloakDistribution(folder).copyTo(workDirectory.resolve("keycloak"));
    }

    /** The distribution of {@code version} from the Maven repository, unpacked under the work directory. */
    static Path fromMavenRepository(Path repository, String version, Path workDirectory) {
        Path home = workDirectory.resolve("keycloak-" + version);
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return home;
        }
        Path archive = repository.resolve("org/keycloak/" + ARTIFACT + "/" + version + "/"
                + ARTIFACT + "-" + version + ".tar.gz");
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("No Keycloak distribution at " + archive + ". Add the test dependency"
                    + " org.keycloak:" + ARTIFACT + ":" + version + " with <type>tar.gz</type> so that Maven"
                    + " downloads it, or give the builder an unpacked distribution with distribution(Path).");
        }
        untar(archive, workDirectory);
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(archive + " did not unpack to " + home);
        }
        return home;
    }

    /** The system's tar keeps the scripts' executable bits, which a Java unpacker would have to restore. */
    private static void untar(Path archive, Path into) {
        try {
            Files.createDirectories(into);
            Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", into.toString())
                    .redirectErrorStream(true).start();
            String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
                tar.destroyForcibly();
                throw new IllegalStateException("Unpacking " + archive + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run tar to unpack " + archive, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while unpacking " + archive, e);
        }
    }
}
