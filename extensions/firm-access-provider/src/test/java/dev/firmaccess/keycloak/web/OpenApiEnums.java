package dev.firmaccess.keycloak.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The enums of the served OpenAPI document's schemas, for tests that keep them the same as the code. */
public final class OpenApiEnums {

    private OpenApiEnums() {
    }

    /** The items of the named schema's enum, read as the document's lines. */
    public static List<String> of(String schema) throws IOException {
        try (InputStream in = OpenApiEnums.class.getResourceAsStream("/META-INF/firm-access/openapi.yaml")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            int start = lines.indexOf("    " + schema + ":");
            int items = lines.subList(start, lines.size()).indexOf("      enum:") + start + 1;
            List<String> values = new ArrayList<>();
            for (int i = items; i < lines.size() && lines.get(i).startsWith("      - "); i++) {
                values.add(lines.get(i).substring("      - ".length()).trim());
            }
            return values;
        }
    }
}
