package dev.firmaccess.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FirmFixtureTest {

    @Test
    void aSmallFixtureReadsWithItsDefaults() throws IOException {
        FirmFixture fixture = parse("""
                {"firm": {"name": "Ledger & Co", "alias": "ledger"},
                 "staff": [{"username": "olivia", "role": "owner"}],
                 "businesses": [{"name": "Bakery"}],
                 "grants": [{"business": "Bakery", "user": "olivia"}]}""");

        assertThat(fixture.realmOrDefault()).isEqualTo("ledger");
        assertThat(fixture.clientOrDefault()).isEqualTo(FirmFixture.DEFAULT_CLIENT);
        assertThat(fixture.grants().get(0).levelOrDefault()).isEqualTo("full");
        assertThat(fixture.staff().get(0).emailOrDefault()).isEqualTo("olivia@example.test");
        assertThat(fixture.teams()).isEmpty();
    }

    @Test
    void everyProblemIsNamedWithItsPlace() {
        assertThatThrownBy(() -> parse("""
                {"firm": {"name": "Ledger & Co", "alias": "Ledger Co"},
                 "staff": [{"username": "mia", "role": "partner"}, {"username": "mia", "role": "member"}],
                 "businesses": [{"name": "Bakery"}, {"name": "Bakery"}],
                 "teams": [{"name": "Payroll", "members": ["nobody"]}],
                 "grants": [{"business": "Garage", "user": "mia"}, {"business": "Bakery", "user": "mia", "team": "Payroll"},
                            {"business": "Bakery", "user": "mia", "level": "read-only"}],
                 "portalUsers": [{"email": "not-an-email", "role": "member", "businesses": []}]}"""))
                .isInstanceOfSatisfying(FixtureException.class, e -> assertThat(e.problems()).containsExactly(
                        "firm.alias: \"Ledger Co\" does not match [a-z0-9][a-z0-9-]*",
                        "staff[0].role: \"partner\" is not one of [admin, member, owner]",
                        "staff[1].username: \"mia\" appears twice",
                        "businesses[1].name: \"Bakery\" appears twice",
                        "teams[0].members[0]: \"nobody\" is not in staff",
                        "grants[0].business: \"Garage\" is not in businesses",
                        "grants[1]: give either \"user\" or \"team\"",
                        "grants[2].level: \"read-only\" needs accessLevels listing it (the realm knows \"full\" alone)",
                        "portalUsers[0].email: \"not-an-email\" does not match [^@\\s]+@[^@\\s]+\\.[^@\\s]+",
                        "portalUsers[0].role: \"member\" is not one of [guest, owner]",
                        "portalUsers[0].businesses: name at least one business"))
                .hasMessageStartingWith("Fixture test.json cannot be loaded:");
    }

    @Test
    void anUnknownFieldIsRefusedWithTheFieldsThatExist() {
        assertThatThrownBy(() -> parse("""
                {"firm": {"name": "Ledger & Co", "alias": "ledger"}, "staf": []}"""))
                .isInstanceOf(FixtureException.class)
                .hasMessageContaining("unknown field \"staf\"")
                .hasMessageContaining("staff");
    }

    @Test
    void aFileThatIsNotJsonSaysSo() {
        assertThatThrownBy(() -> parse("firm: ledger"))
                .isInstanceOf(FixtureException.class)
                .hasMessageContaining("not a fixture");
    }

    @Test
    void aFixtureWithoutAFirmIsRefused() {
        assertThatThrownBy(() -> parse("{}"))
                .isInstanceOfSatisfying(FixtureException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("firm: required"));
    }

    private static FirmFixture parse(String json) throws IOException {
        return FirmFixture.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }
}
