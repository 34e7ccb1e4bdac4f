package dev.firmaccess.it.support;

import dev.firmaccess.testing.HttpJson;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts mail events to a realm's webhook the way a Standard Webhooks sender does, written apart
 * from the server's code so that the two check each other.
 */
public final class MailEventSender {

    private final HttpJson http;
    private final String path;

    public MailEventSender(HttpJson http, String realm) {
        this.http = http;
        this.path = "/realms/" + realm + "/firm-access/mail-events";
    }

    public String path() {
        return path;
    }

    /** A new {@code whsec_} secret of 32 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    /** One message as a sender posts it; a null header is left out. The with-methods make broken variants. */
    public record Message(String id, String timestamp, String signature, byte[] body) {

        public Message withId(String otherId) {
            return new Message(otherId, timestamp, signature, body);
        }

        public Message withTimestamp(String otherTimestamp) {
            return new Message(id, otherTimestamp, signature, body);
        }

        public Message withSignature(String otherSignature) {
            return new Message(id, timestamp, otherSignature, body);
        }
    }

    /** The body under a new id, signed now with the secret. */
    public static Message signed(String secret, byte[] body) {
        return signed(secret, "msg_" + UUID.randomUUID(), System.currentTimeMillis() / 1000, body);
    }

    public static Message signed(String secret, String id, long timestamp, byte[] body) {
        return new Message(id, Long.toString(timestamp), signature(secret, id, timestamp, body), body);
    }

    /** The body as JSON, under a new id, signed now with the secret. */
    public HttpJson.Reply send(String secret, Object body) {
        return send(signed(secret, json(body)));
    }

    public HttpJson.Reply send(Message message) {
        HttpRequest.Builder request = http.request(path, null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(message.body()));
        if (message.id() != null) {
            request.header("webhook-id", message.id());
        }
        if (message.timestamp() != null) {
            request.header("webhook-timestamp", message.timestamp());
        }
        if (message.signature() != null) {
            request.header("webhook-signature", message.signature());
        }
        return http.send(request);
    }

    public static String signature(String secret, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] signed = mac.doFinal((id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] json(Object body) {
        try {
            return HttpJson.MAPPER.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
