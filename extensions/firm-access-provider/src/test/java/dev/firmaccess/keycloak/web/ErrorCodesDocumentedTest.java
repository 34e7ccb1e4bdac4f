package dev.firmaccess.keycloak.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.keycloak.core.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The codes a client may meet are the same in the code, the OpenAPI document, docs/errors.md and
 * the console's message bundles.
 */
class ErrorCodesDocumentedTest {

    private static final Path ERRORS_DOC = Path.of("../../docs/errors.md");
    private static final String CONSOLE_KEY = "errorCode.";
    private static final Pattern DOC_ROW = Pattern.compile("^\\| `([a-z_]+)` \\| (\\d{3}) \\|", Pattern.MULTILINE);

    @Test
    void theOpenApiDocumentListsExactlyTheCodesInTheirOrder() throws IOException {
        assertThat(OpenApiEnums.of("ErrorCode")).containsExactlyElementsOf(wireNames());
    }

    @Test
    void theErrorsDocumentListsEveryCodeOnceWithTheStatusOfItsKind() throws IOException {
        List<String> documented = new ArrayList<>();
        Matcher row = DOC_ROW.matcher(Files.readString(ERRORS_DOC));
        while (row.find()) {
            ErrorCode code = ErrorCode.valueOf(row.group(1).toUpperCase(Locale.ROOT));
            assertThat(Integer.parseInt(row.group(2))).as("the status of %s", row.group(1)).isEqualTo(ErrorResponses.status(code.kind()));
            documented.add(row.group(1));
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(wireNames());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void theConsoleSaysEveryCodeInEachOfItsLanguages(String language) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = ErrorCodesDocumentedTest.class.getResourceAsStream(
                "/theme/firm-access-console/login/messages/messages_" + language + ".properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> codeKeys = messages.stringPropertyNames().stream()
                .filter(key -> key.startsWith(CONSOLE_KEY)).map(key -> key.substring(CONSOLE_KEY.length())).toList();
        assertThat(codeKeys).containsExactlyInAnyOrderElementsOf(wireNames());
        assertThat(codeKeys).allMatch(code -> !messages.getProperty(CONSOLE_KEY + code).isBlank());
    }

    @Test
    void wireNamesAreTheConstantsInLowerCase() {
        assertThat(ErrorCode.LAST_OWNER.wireName()).isEqualTo("last_owner");
        assertThat(wireNames()).allMatch(name -> name.matches("[a-z]+(_[a-z]+)*")).doesNotHaveDuplicates();
    }

    private static List<String> wireNames() {
        return Arrays.stream(ErrorCode.values()).map(ErrorCode::wireName).toList();
    }

}
