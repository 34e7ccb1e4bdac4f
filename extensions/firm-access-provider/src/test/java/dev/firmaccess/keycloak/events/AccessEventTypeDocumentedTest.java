package dev.firmaccess.keycloak.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.keycloak.web.OpenApiEnums;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The event types a subscriber may ask for are the same in the code, the OpenAPI document and docs/events.md. */
class AccessEventTypeDocumentedTest {

    private static final Path EVENTS_DOC = Path.of("../../docs/events.md");
    private static final Pattern DOC_ROW = Pattern.compile("^\\| `([a-z_]+\\.[a-z_]+)` \\|", Pattern.MULTILINE);

    @Test
    void theOpenApiDocumentAndTheEventsPageListExactlyTheTypesInTheirOrder() throws IOException {
        List<String> documented = DOC_ROW.matcher(Files.readString(EVENTS_DOC)).results()
                .map(row -> row.group(1)).toList();

        assertThat(OpenApiEnums.of("AccessEventType")).as("the OpenAPI enum").containsExactlyElementsOf(wireNames());
        assertThat(documented).as("the table of docs/events.md").containsExactlyElementsOf(wireNames());
    }

    private static List<String> wireNames() {
        return Arrays.stream(AccessEventType.values()).map(AccessEventType::wireName).toList();
    }
}
