package dev.firmaccess.keycloak.console;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.keycloak.http.FormPartValue;

class ConsoleUploadTest {

    private final MultivaluedMap<String, FormPartValue> parts = new MultivaluedHashMap<>();

    @Test
    void aFileIsReadAsUtf8Text() {
        String csv = "business,email\r\nÄrzte-GmbH,ä@example.test\r\n";
        parts.putSingle("file", part(csv));
        assertThat(new ConsoleUpload(parts).textOf("file", 100)).contains(csv);
    }

    @Test
    void noFileOrAnEmptyOneIsNoText() {
        assertThat(new ConsoleUpload(parts).textOf("file", 100)).isEmpty();
        parts.putSingle("file", part(""));
        assertThat(new ConsoleUpload(parts).textOf("file", 100)).isEmpty();
    }

    @Test
    void aLargerFileIsReadOnlyOneCharacterPastTheLimitSoTheCheckSeesItIsTooLarge() {
        parts.putSingle("file", part("x".repeat(50_000)));
        assertThat(new ConsoleUpload(parts).textOf("file", 10)).hasValueSatisfying(text ->
                assertThat(text).hasSize(11));
    }

    @Test
    void fieldsAreTheNamedTextPartsThatWereSent() {
        parts.putSingle("csrf", part("token"));
        parts.putSingle("csv", part("a,b"));
        ConsoleUpload upload = new ConsoleUpload(parts);
        assertThat(upload.fields("csrf", "missing").getFirst("csrf")).isEqualTo("token");
        assertThat(upload.fields("csrf", "missing").containsKey("missing")).isFalse();
        assertThat(upload.field("csv")).isEqualTo("a,b");
        assertThat(upload.field("missing")).isNull();
    }

    private static FormPartValue part(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new FormPartValue() {
            @Override
            public String asString() {
                return text;
            }

            @Override
            public InputStream asInputStream() {
                return new ByteArrayInputStream(bytes);
            }
        };
    }
}
