package dev.firmaccess.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small OpenAPI documents a test writes for itself: the header every document needs, then the test's own part. */
final class SmallDocuments {

    private SmallDocuments() {
    }

    /** Writes {@code openapi.yaml} into the folder: the header, then the given YAML (its paths and components). */
    static Path write(Path dir, String pathsAndComponents) throws IOException {
        return Files.writeString(dir.resolve("openapi.yaml"), """
                openapi: 3.1.0
                info: {title: t, version: "1"}
                """ + pathsAndComponents);
    }
}
