package dev.firmaccess.keycloak.mail;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"events\":[]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignatureOverTheRawBodyMatches() {
        String signature = WebhookSignature.sign("secret", BODY);
        assertThat(signature).startsWith("sha256=").hasSize(7 + 64);
        assertThat(WebhookSignature.matches("secret", BODY, signature)).isTrue();
        assertThat(WebhookSignature.matches("secret", BODY, signature.toUpperCase().replace("SHA256=", "sha256=")))
                .isTrue();
    }

    @Test
    void anotherSecretOrAChangedBodyDoesNotMatch() {
        String signature = WebhookSignature.sign("secret", BODY);
        assertThat(WebhookSignature.matches("other", BODY, signature)).isFalse();
        assertThat(WebhookSignature.matches("secret", "{}".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
    }

    @Test
    void withoutASecretOrHeaderNothingMatches() {
        assertThat(WebhookSignature.matches(null, BODY, WebhookSignature.sign("x", BODY))).isFalse();
        assertThat(WebhookSignature.matches("secret", BODY, null)).isFalse();
    }
}
