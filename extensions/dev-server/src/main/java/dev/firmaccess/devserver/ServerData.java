package dev.firmaccess.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The {@code data/} folder of the dev server's Keycloak: the H2 files and the realm import. */
final class ServerData {

    private final Path dataDir;

    ServerData(Path serverHome) {
        this.dataDir = serverHome.resolve("data");
    }

    Path dir() {
        return dataDir;
    }

    /** Deletes every realm, user and firm-access row, so the next start imports the demo realm again. */
    void wipe() {
        try {
            deleteTree(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + dataDir, e);
        }
    }

    /**
     * Puts the realm file where {@code --import-realm} reads it, as the only file there and under the
     * name Keycloak demands ({@code <realm>-realm.json}). Keycloak skips realms that already exist,
     * so edits to the file take effect after {@code --fresh}.
     */
    void stageRealmImport(Path realmFile, String realmName) {
        Path importDir = dataDir.resolve("import");
        try {
            deleteTree(importDir);
            Files.createDirectories(importDir);
            Files.copy(realmFile, importDir.resolve(realmName + "-realm.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stage the realm import " + realmFile, e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
