package dev.firmaccess.keycloak.programmatic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a connection key: {@code fak_<key id>_<secret>}, where the key id is the stored
 * row's UUID and the secret 32 bytes of a CSPRNG in unpadded base64url (43 characters). The
 * prefix lets secret scanners and people recognise a leaked key; the id finds the row without
 * scanning. Parts have fixed lengths, so the {@code _} that base64url may contain is harmless.
 *
 * <p>Only a SHA-256 hash of the whole key is stored. A slow password KDF exists to make guessing
 * low-entropy human passwords expensive; a 256-bit random secret cannot be guessed at any hash
 * speed, so a single SHA-256 protects a leaked table just as well and keeps every exchange cheap.
 * Hashing the whole key, id included, binds each hash to its row.
 */
public final class ConnectionKeyFormat {

    public static final String PREFIX = "fak_";
    public static final int SECRET_BYTES = 32;

    private static final int ID_LENGTH = 36;
    private static final int SECRET_LENGTH = 43;
    static final int KEY_LENGTH = PREFIX.length() + ID_LENGTH + 1 + SECRET_LENGTH;

    private static final Pattern SHAPE = Pattern.compile(
            "fak_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_[A-Za-z0-9_-]{43}");

    private ConnectionKeyFormat() {
    }

    /** The key text for a stored key id and freshly drawn secret bytes. */
    public static String compose(String keyId, byte[] secret) {
        if (secret.length != SECRET_BYTES) {
            throw new IllegalArgumentException("A connection key secret has " + SECRET_BYTES + " bytes");
        }
        String key = PREFIX + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        if (keyIdOf(key).isEmpty()) {
            throw new IllegalArgumentException("Not a key id: " + keyId);
        }
        return key;
    }

    /** The key id a well-formed key names; empty for anything else, checked before any lookup. */
    public static Optional<String> keyIdOf(String key) {
        if (key == null || key.length() != KEY_LENGTH) {
            return Optional.empty();
        }
        Matcher matcher = SHAPE.matcher(key);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The stored form of a key: lowercase hex SHA-256 of its UTF-8 text. */
    public static String hash(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    /** Whether the presented key hashes to the stored hash, compared in constant time. */
    public static boolean matches(String key, String storedHash) {
        if (key == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(key).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
