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

    /** The body as JSON, under a new id, signed now with the secret. */
    public HttpJson.Reply send(String secret, Object body) {
        return send(secret, "msg_" + UUID.randomUUID(), System.currentTimeMillis() / 1000, json(body));
    }

    public HttpJson.Reply send(String secret, String id, long timestamp, byte[] body) {
        return sendWithHeaders(id, Long.toString(timestamp), signature(secret, id, timestamp, body), body);
    }

    /** Sends with exactly the headers given; a null header is left out. */
    public HttpJson.Reply sendWithHeaders(String id, String timestamp, String signature, byte[] body) {
        HttpRequest.Builder request = http.request(path, null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (id != null) {
            request.header("webhook-id", id);
        }
        if (timestamp != null) {
            request.header("webhook-timestamp", timestamp);
        }
        if (signature != null) {
            request.header("webhook-signature", signature);
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
