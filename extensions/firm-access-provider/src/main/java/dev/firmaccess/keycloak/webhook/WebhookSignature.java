package dev.firmaccess.keycloak.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature scheme (standardwebhooks.com), so that senders can use its
 * libraries: the HMAC-SHA256 of {@code id.timestamp.body} with the secret's key bytes, sent as
 * {@code webhook-signature: v1,<base64>}. The header may list several space-separated signatures
 * (a sender that signs with both secrets while rotating); one valid signature is enough.
 */
public final class WebhookSignature {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";

    static final String SECRET_PREFIX = "whsec_";
    static final String VERSION = "v1,";
    /** The scheme's own bounds for the key behind {@code whsec_}. */
    static final int MIN_KEY_BYTES = 24;
    static final int MAX_KEY_BYTES = 64;

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** The key bytes of a {@code whsec_<base64>} secret, when it is one of the allowed size. */
    public static Optional<byte[]> key(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            return Optional.empty();
        }
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
            return key.length >= MIN_KEY_BYTES && key.length <= MAX_KEY_BYTES ? Optional.of(key) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** A new {@code whsec_} secret of 32 random bytes, for a receiver to verify what we send. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code v1,<base64>} signature of a message; the secret must be a valid {@code whsec_} secret. */
    public static String sign(String secret, String id, long timestamp, byte[] body) {
        byte[] key = key(secret).orElseThrow(() -> new IllegalArgumentException("Not a whsec_ secret"));
        return VERSION + Base64.getEncoder().encodeToString(hmac(key, id, timestamp, body));
    }

    /**
     * Whether any signature of the header is the message's under any of the secrets. Compared in
     * constant time, so a signature cannot be guessed byte by byte from response times.
     */
    public static boolean matches(Collection<String> secrets, String id, long timestamp, byte[] body, String header) {
        if (header == null || id == null) {
            return false;
        }
        boolean matched = false;
        for (String secret : secrets) {
            Optional<byte[]> key = key(secret);
            if (key.isEmpty()) {
                continue;
            }
            byte[] expected = Base64.getEncoder().encode(hmac(key.get(), id, timestamp, body));
            for (String candidate : header.trim().split(" +")) {
                if (candidate.startsWith(VERSION) && MessageDigest.isEqual(expected,
                        candidate.substring(VERSION.length()).getBytes(StandardCharsets.US_ASCII))) {
                    matched = true;
                }
            }
        }
        return matched;
    }

    private static byte[] hmac(byte[] key, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
