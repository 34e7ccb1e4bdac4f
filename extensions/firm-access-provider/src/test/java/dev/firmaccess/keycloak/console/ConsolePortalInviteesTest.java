package dev.firmaccess.keycloak.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.keycloak.mail.Invitee;
import org.junit.jupiter.api.Test;

class ConsolePortalInviteesTest {

    @Test
    void aLineWithAnAddressAndNamesIsOnePerson() {
        assertThat(ConsolePortalInvitees.parse("nina@example.com, Nina, Newcomer"))
                .containsExactly(new Invitee("nina@example.com", "Nina", "Newcomer"));
    }

    @Test
    void aLineOfAddressesSeparatedByCommasOrSemicolonsIsOnePersonEach() {
        assertThat(ConsolePortalInvitees.parse("a@example.com, b@example.com; c@example.com,"))
                .containsExactly(new Invitee("a@example.com", null, null), new Invitee("b@example.com", null, null),
                        new Invitee("c@example.com", null, null));
    }

    @Test
    void linesMixBothFormsAndBlankLinesAreSkipped() {
        assertThat(ConsolePortalInvitees.parse(
                "\n  a@example.com  \n\nb@example.com, Bea\nc@example.com; d@example.com\n"))
                .containsExactly(new Invitee("a@example.com", null, null), new Invitee("b@example.com", "Bea", null),
                        new Invitee("c@example.com", null, null), new Invitee("d@example.com", null, null));
    }

    @Test
    void nothingIsNobody() {
        assertThat(ConsolePortalInvitees.parse(null)).isEmpty();
        assertThat(ConsolePortalInvitees.parse(" \n ")).isEmpty();
    }
}
