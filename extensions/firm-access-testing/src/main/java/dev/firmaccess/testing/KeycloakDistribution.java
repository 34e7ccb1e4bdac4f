package dev.firmaccess.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A pristine unpacked Keycloak distribution, from which each server flavor gets its own copy:
 * {@code kc.sh build} rewrites the copy it runs in, so an H2 server, a PostgreSQL server and a
 * plain server for benchmarks must not share one.
 */
public final class KeycloakDistribution {

    private final Path pristineHome;

    public KeycloakDistribution(Path pristineHome) {
        if (!Files.isExecutable(pristineHome.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + pristineHome
                    + " (expected bin/kc.sh). Build with Maven, which unpacks it from the Maven repository.");
        }
        this.pristineHome = pristineHome;
    }

    /** Reads the distribution from the {@code keycloak.home} system property that the build sets. */
    public static KeycloakDistribution fromSystemProperty() {
        String home = System.getProperty("keycloak.home");
        if (home == null) {
            throw new IllegalStateException("System property keycloak.home is not set; run the tests through Maven");
        }
        return new KeycloakDistribution(Path.of(home));
    }

    public Path pristineHome() {
        return pristineHome;
    }

    /** A working copy of the distribution at {@code target}; made once and reused afterwards. */
    public Path copyTo(Path target) {
        if (Files.isExecutable(target.resolve("bin/kc.sh"))) {
            return target;
        }
        try {
            copyTree(pristineHome, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the Keycloak distribution to " + target, e);
        }
        return target;
    }

    /**
     * A copy of a folder that ran {@code kc.sh build}, made again whenever that build changed. The
     * modification times are kept, so Keycloak takes the build as the copy's own (with newer-looking
     * provider jars it refuses an optimized start); the copy saves a second build of the same
     * providers and options. The source's runtime data is left behind.
     */
    public static Path copyBuilt(Path builtHome, Path target) {
        try {
            Path marker = builtHome.resolve(KeycloakServer.BUILD_MARKER);
            Path copied = target.resolve(KeycloakServer.BUILD_MARKER);
            if (Files.exists(copied) && Files.mismatch(marker, copied) == -1) {
                return target;
            }
            deleteTree(target);
            copyTree(builtHome, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the built Keycloak at " + builtHome + " to " + target, e);
        }
        return target;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failed) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void copyTree(Path source, Path target) throws IOException {
        Path runtimeData = source.resolve("data");
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                // a pristine distribution has no data folder; a server's is its own (H2 files, temporary files)
                if (dir.equals(runtimeData)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, target.resolve(source.relativize(file).toString()),
                        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
