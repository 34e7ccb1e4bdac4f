package dev.firmaccess.keycloak.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    // The example of the Standard Webhooks specification: a change of scheme breaks this test, not senders.
    private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long SPEC_TIMESTAMP = 1614265330L;
    private static final byte[] SPEC_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    // A second fixed vector with a 32-byte key, worked out independently of this code.
    private static final String SECOND_SECRET = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String SECOND_ID = "evt_1";
    private static final long SECOND_TIMESTAMP = 1700000000L;
    private static final byte[] SECOND_BODY =
            "{\"events\":[{\"email\":\"a@example.test\",\"event\":\"bounced\"}]}".getBytes(StandardCharsets.UTF_8);
    private static final String SECOND_SIGNATURE = "v1,2jT37IQbyQD+sPXr6GQKHhl9OfFIIskJOc3/EW7CC8w=";

    @Test
    void theSpecificationsExampleSignsAsPublished() {
        assertThat(WebhookSignature.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY)).isEqualTo(SPEC_SIGNATURE);
        assertThat(WebhookSignature.matches(List.of(SPEC_SECRET), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, SPEC_SIGNATURE))
                .isTrue();
    }

    @Test
    void aThirtyTwoByteKeySignsAsPinned() {
        assertThat(WebhookSignature.sign(SECOND_SECRET, SECOND_ID, SECOND_TIMESTAMP, SECOND_BODY))
                .isEqualTo(SECOND_SIGNATURE);
    }

    @Test
    void eitherOfTwoSecretsAndAnyListedSignatureMatchWhileRotating() {
        String header = "v1,bm90LWEtc2lnbmF0dXJl " + SPEC_SIGNATURE;
        assertThat(WebhookSignature.matches(List.of(SECOND_SECRET, SPEC_SECRET), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY,
                header)).isTrue();
    }

    @Test
    void anotherIdTimestampBodyOrSecretDoesNotMatch() {
        List<String> secrets = List.of(SPEC_SECRET);
        assertThat(WebhookSignature.matches(secrets, "msg_other", SPEC_TIMESTAMP, SPEC_BODY, SPEC_SIGNATURE)).isFalse();
        assertThat(WebhookSignature.matches(secrets, SPEC_ID, SPEC_TIMESTAMP + 1, SPEC_BODY, SPEC_SIGNATURE)).isFalse();
        assertThat(WebhookSignature.matches(secrets, SPEC_ID, SPEC_TIMESTAMP, "{}".getBytes(StandardCharsets.UTF_8),
                SPEC_SIGNATURE)).isFalse();
        assertThat(WebhookSignature.matches(List.of(SECOND_SECRET), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, SPEC_SIGNATURE))
                .isFalse();
    }

    @Test
    void withoutASecretOrHeaderOrWithAnotherVersionNothingMatches() {
        assertThat(WebhookSignature.matches(List.of(), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, SPEC_SIGNATURE)).isFalse();
        assertThat(WebhookSignature.matches(List.of(SPEC_SECRET), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, null)).isFalse();
        assertThat(WebhookSignature.matches(List.of(SPEC_SECRET), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY,
                SPEC_SIGNATURE.replace("v1,", "v1a,"))).isFalse();
    }

    @Test
    void onlyWhsecSecretsOfTwentyFourToSixtyFourBytesAreKeys() {
        assertThat(WebhookSignature.key(SPEC_SECRET)).isPresent();
        assertThat(WebhookSignature.key("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isEmpty();
        assertThat(WebhookSignature.key("whsec_not base64!")).isEmpty();
        assertThat(WebhookSignature.key("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[23])))
                .isEmpty();
        assertThat(WebhookSignature.key("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[65])))
                .isEmpty();
        assertThat(WebhookSignature.key(null)).isEmpty();
    }
}
