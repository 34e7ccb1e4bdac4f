package dev.firmaccess.it.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firmaccess.testing.FirmFixture;
import dev.firmaccess.testing.FixtureException;
import dev.firmaccess.testing.FixtureLoader;
import dev.firmaccess.testing.LoadedFirm;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.TokenClaims;
import dev.firmaccess.testing.WithSharedServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The test kit's fixture loading into a server it did not start (as for a container), and its refusals. */
@WithSharedServer
class FixtureLoadingIT {

    @Test
    void aFixtureLoadsOnceAndASecondLoadOfTheSameRealmIsRefusedChangingNothing(TestEnvironment env) throws IOException {
        FirmFixture fixture = fixture("kit-" + UUID.randomUUID().toString().substring(0, 8));
        LoadedFirm firm = FixtureLoader.load(env.server().baseUrl(), env.admin(), fixture);
        try {
            assertThatThrownBy(() -> FixtureLoader.load(env.server().baseUrl(), env.admin(), fixture))
                    .isInstanceOf(FixtureException.class)
                    .hasMessageContaining("realm \"" + firm.realm() + "\" cannot be created (409)");

            assertThat(TokenClaims.of(firm.accessToken("olivia")).get("firm_access").get(0).get("role").asText())
                    .isEqualTo("owner");
            assertThat(env.admin().realm(firm.realm()).users().count()).isEqualTo(1);
        } finally {
            firm.delete();
        }
    }

    @Test
    void aFixtureTheServerRefusesLeavesNoRealmBehind(TestEnvironment env) throws IOException {
        String realm = "kit-" + UUID.randomUUID().toString().substring(0, 8);
        // a business name longer than the firm API takes passes the fixture's own checks but not the server's
        FirmFixture fixture = parse("""
                {"realm": "%s", "firm": {"name": "Ledger & Co", "alias": "ledger"},
                 "staff": [{"username": "olivia", "role": "owner"}],
                 "businesses": [{"name": "%s"}]}""".formatted(realm, "B".repeat(1000)));

        assertThatThrownBy(() -> FixtureLoader.load(env.server().baseUrl(), env.admin(), fixture))
                .isInstanceOf(FixtureException.class)
                .hasMessageContaining("could not create business");
        assertThat(env.admin().realms().findAll()).noneMatch(r -> r.getRealm().equals(realm));
    }

    private static FirmFixture fixture(String realm) throws IOException {
        return parse("""
                {"realm": "%s", "firm": {"name": "Ledger & Co", "alias": "ledger"},
                 "staff": [{"username": "olivia", "role": "owner"}]}""".formatted(realm));
    }

    private static FirmFixture parse(String json) throws IOException {
        return FirmFixture.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test fixture");
    }
}
