package dev.firmaccess.keycloak.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The OpenAPI document of both APIs, shipped in the provider jar and served as is. */
public final class OpenApiDocument {

    static final String LOCATION = "META-INF/firm-access/openapi.yaml";

    private static final String YAML = load();

    private OpenApiDocument() {
    }

    public static String yaml() {
        return YAML;
    }

    private static String load() {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException(LOCATION + " is missing from the provider jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
