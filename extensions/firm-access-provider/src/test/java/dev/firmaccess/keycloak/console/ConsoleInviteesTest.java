package dev.firmaccess.keycloak.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.keycloak.mail.Invitee;
import org.junit.jupiter.api.Test;

class ConsoleInviteesTest {

    @Test
    void readsOnePersonALineWithOptionalNames() {
        assertThat(ConsoleInvitees.parse("ann@example.com\n  bob@example.com, Bob , Builder \n\ncy@example.com, , Cole"))
                .containsExactly(
                        new Invitee("ann@example.com", null, null),
                        new Invitee("bob@example.com", "Bob", "Builder"),
                        new Invitee("cy@example.com", null, "Cole"));
    }

    @Test
    void aLastNameMayContainCommas() {
        assertThat(ConsoleInvitees.parse("d@example.com, Dee, Doe, Jr."))
                .containsExactly(new Invitee("d@example.com", "Dee", "Doe, Jr."));
    }

    @Test
    void nothingTypedIsNobody() {
        assertThat(ConsoleInvitees.parse(null)).isEmpty();
        assertThat(ConsoleInvitees.parse(" \n ")).isEmpty();
    }
}
