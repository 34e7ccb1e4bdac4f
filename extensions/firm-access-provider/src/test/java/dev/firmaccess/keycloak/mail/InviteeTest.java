package dev.firmaccess.keycloak.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.web.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InviteeTest {

    private static final Limits LIMITS = Limits.defaultLimits();

    @Test
    void addressesAreTrimmedAndLowerCasedAndNamesTrimmed() {
        List<Invitee> checked = Invitee.checked(List.of(new Invitee("  Ann@Example.COM ", " Ann ", null)), LIMITS);

        assertThat(checked).containsExactly(new Invitee("ann@example.com", "Ann", null));
    }

    @Test
    void theSameAddressTwiceIsRefusedWhateverItsCase() {
        List<Invitee> invitees = List.of(new Invitee("ann@example.com", null, null),
                new Invitee("ANN@example.com", null, null));

        assertThatThrownBy(() -> Invitee.checked(invitees, LIMITS)).isInstanceOfSatisfying(FirmAccessException.class,
                refusal -> assertThat(refusal.description()).isEqualTo("ann@example.com is listed more than once"));
    }

    @Test
    void aMalformedAddressIsBadInputNamingTheValue() {
        assertThatThrownBy(() -> Invitee.email("not-an-address")).isInstanceOfSatisfying(FirmAccessException.class,
                refusal -> {
                    assertThat(refusal.kind()).isEqualTo(FirmAccessException.Kind.BAD_INPUT);
                    assertThat(refusal.description()).isEqualTo("'not-an-address' is not a valid email address");
                });
    }

    @Test
    void anEmptyListAndAListPastTheLimitAreRefused() {
        List<Invitee> tooMany = new ArrayList<>();
        IntStream.rangeClosed(0, LIMITS.invitees())
                .forEach(i -> tooMany.add(new Invitee("p" + i + "@example.com", null, null)));

        assertThatThrownBy(() -> Invitee.checked(List.of(), LIMITS)).isInstanceOf(FirmAccessException.class);
        assertThatThrownBy(() -> Invitee.checked(tooMany, LIMITS)).isInstanceOfSatisfying(FirmAccessException.class,
                refusal -> assertThat(refusal.description())
                        .isEqualTo("At most " + LIMITS.invitees() + " invitees per call"));
        assertThat(Invitee.checked(tooMany.subList(0, LIMITS.invitees()), LIMITS)).hasSize(LIMITS.invitees());
    }
}
