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
                    + " (expected bin/kc.sh)");
        }
        this.pristineHome = pristineHome;
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

    private static void copyTree(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
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
