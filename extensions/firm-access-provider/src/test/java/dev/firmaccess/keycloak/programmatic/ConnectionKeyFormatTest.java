package dev.firmaccess.keycloak.programmatic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConnectionKeyFormatTest {

    private static final String KEY_ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

    private static byte[] secret(int fill) {
        byte[] bytes = new byte[ConnectionKeyFormat.SECRET_BYTES];
        Arrays.fill(bytes, (byte) fill);
        return bytes;
    }

    /**
     * A known answer, worked out outside this code (base64url and SHA-256 of the text by another
     * tool): a change of the key's text or of its stored hash would strand every key issued so far.
     */
    @Nested
    class GivenFixedIdAndSecretBytes {
        private final byte[] secret = new byte[ConnectionKeyFormat.SECRET_BYTES];

        {
            for (int i = 0; i < secret.length; i++) {
                secret[i] = (byte) i;
            }
        }

        @Test
        void composesTheKnownKeyText() {
            assertThat(ConnectionKeyFormat.compose(KEY_ID, secret))
                    .isEqualTo("fak_0f8fad5b-d9cb-469f-a165-70867728950e_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8");
        }

        @Test
        void storesTheKnownHash() {
            String key = ConnectionKeyFormat.compose(KEY_ID, secret);

            assertThat(ConnectionKeyFormat.hash(key))
                    .isEqualTo("774b07c6779b3cb580af8751530cf7f36460d1b6fc5724fef7d786e40778acc3");
            assertThat(ConnectionKeyFormat.matches(key,
                    "774b07c6779b3cb580af8751530cf7f36460d1b6fc5724fef7d786e40778acc3")).isTrue();
        }
    }

    @Nested
    class GivenAComposedKey {
        private final String key = ConnectionKeyFormat.compose(KEY_ID, secret(0xfb));

        @Test
        void startsWithThePrefixAndNamesItsKeyId() {
            assertThat(key).startsWith("fak_" + KEY_ID + "_").hasSize(84);
            assertThat(ConnectionKeyFormat.keyIdOf(key)).contains(KEY_ID);
        }

        @Test
        void aSecretWithUnderscoresAndDashesStillParses() {
            assertThat(key.substring(41)).contains("-").contains("_");
            assertThat(ConnectionKeyFormat.keyIdOf(key)).contains(KEY_ID);
        }

        @Test
        void matchesItsOwnHashOnly() {
            String stored = ConnectionKeyFormat.hash(key);

            assertThat(stored).hasSize(64).matches("[0-9a-f]+");
            assertThat(ConnectionKeyFormat.matches(key, stored)).isTrue();
            assertThat(ConnectionKeyFormat.matches(ConnectionKeyFormat.compose(KEY_ID, secret(1)), stored)).isFalse();
        }

        @Test
        void theSameSecretUnderAnotherIdHashesDifferently() {
            String other = ConnectionKeyFormat.compose("1f8fad5b-d9cb-469f-a165-70867728950e", secret(0xfb));

            assertThat(ConnectionKeyFormat.hash(other)).isNotEqualTo(ConnectionKeyFormat.hash(key));
        }

        @Test
        void aMissingStoredHashNeverMatches() {
            assertThat(ConnectionKeyFormat.matches(key, null)).isFalse();
            assertThat(ConnectionKeyFormat.matches(null, ConnectionKeyFormat.hash(key))).isFalse();
        }
    }

    @Nested
    class GivenMalformedText {
        private final String valid = ConnectionKeyFormat.compose(KEY_ID, secret(7));

        @Test
        void nullEmptyAndForeignTextHaveNoKeyId() {
            assertThat(ConnectionKeyFormat.keyIdOf(null)).isEmpty();
            assertThat(ConnectionKeyFormat.keyIdOf("")).isEmpty();
            assertThat(ConnectionKeyFormat.keyIdOf("ghp_" + valid.substring(4))).isEmpty();
        }

        @Test
        void aTruncatedOrExtendedKeyHasNoKeyId() {
            assertThat(ConnectionKeyFormat.keyIdOf(valid.substring(0, valid.length() - 1))).isEmpty();
            assertThat(ConnectionKeyFormat.keyIdOf(valid + "A")).isEmpty();
        }

        @Test
        void anUppercaseOrBrokenIdHasNoKeyId() {
            assertThat(ConnectionKeyFormat.keyIdOf(valid.replace(KEY_ID, KEY_ID.toUpperCase()))).isEmpty();
            assertThat(ConnectionKeyFormat.keyIdOf(valid.replace(KEY_ID, KEY_ID.replace('-', 'x')))).isEmpty();
        }

        @Test
        void aSecretOutsideBase64UrlHasNoKeyId() {
            assertThat(ConnectionKeyFormat.keyIdOf(valid.substring(0, 83) + "="))
                    .isEmpty();
            assertThat(ConnectionKeyFormat.keyIdOf(valid.substring(0, 83) + "+")).isEmpty();
        }

        @Test
        void composingRefusesAWrongSecretSizeOrId() {
            assertThatThrownBy(() -> ConnectionKeyFormat.compose(KEY_ID, new byte[16]))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ConnectionKeyFormat.compose("not-an-id", secret(1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
