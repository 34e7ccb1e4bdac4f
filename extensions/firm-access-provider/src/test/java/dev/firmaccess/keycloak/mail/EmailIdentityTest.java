package dev.firmaccess.keycloak.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailIdentityTest {

    @Test
    void theSameAddressInAnotherAsciiCaseIsTheSame() {
        assertThat(EmailIdentity.same("kate@example.test", "Kate@Example.TEST")).isTrue();
        assertThat(EmailIdentity.same("jürgen@example.test", "jürgen@example.test")).isTrue();
    }

    @Test
    void lookAlikesThatFoldOntoAsciiAreOtherAddresses() {
        // Each pair is equal to String.equalsIgnoreCase, which is what made them dangerous.
        assertThat("kate@example.test".equalsIgnoreCase("\u212Aate@example.test")).isTrue();
        assertThat(EmailIdentity.same("kate@example.test", "\u212Aate@example.test")).isFalse();
        assertThat("iris@example.test".equalsIgnoreCase("\u0131ris@example.test")).isTrue();
        assertThat(EmailIdentity.same("iris@example.test", "\u0131ris@example.test")).isFalse();
        assertThat("sam@example.test".equalsIgnoreCase("\u017Fam@example.test")).isTrue();
        assertThat(EmailIdentity.same("sam@example.test", "\u017Fam@example.test")).isFalse();
        assertThat(EmailIdentity.same("IRIS@example.test", "\u0130RIS@example.test")).isFalse();
        assertThat(EmailIdentity.same("iris@mail-it.test", "iris@mail-\u0131t.test")).isFalse();
    }

    @Test
    void anotherAddressOrNoAddressIsNotTheSame() {
        assertThat(EmailIdentity.same("kate@example.test", "kate@example.org")).isFalse();
        assertThat(EmailIdentity.same("kate@example.test", null)).isFalse();
        assertThat(EmailIdentity.same(null, "kate@example.test")).isFalse();
    }
}
