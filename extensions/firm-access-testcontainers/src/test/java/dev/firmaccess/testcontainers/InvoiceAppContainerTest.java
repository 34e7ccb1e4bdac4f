package dev.firmaccess.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.testing.FirmFixture;
import dev.firmaccess.testing.LoadedFirm;
import dev.firmaccess.testing.TokenClaims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;

/**
 * The container example of docs/testing-your-app.md: the official Keycloak image with the
 * extension, the same fixture as the distribution-based example. Skipped where no Docker engine runs.
 */
@EnabledIf(value = "dockerIsAvailable",
        disabledReason = "No Docker engine found: the container test kit needs one; the distribution-based kit does not")
class InvoiceAppContainerTest {

    static FirmAccessKeycloakContainer keycloak;
    static LoadedFirm firm;

    static boolean dockerIsAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    @BeforeAll
    static void startKeycloak() {
        keycloak = new FirmAccessKeycloakContainer();
        keycloak.start();
        firm = keycloak.load(FirmFixture.fromResource("/fixtures/ledger-firm.json"));
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.stop();
        }
    }

    @Test
    void anOwnersTokenReachesEveryBusinessOfTheFirm() {
        JsonNode ledger = TokenClaims.of(firm.accessToken("olivia")).get("firm_access").get(0);

        assertThat(ledger.get("id").asText()).isEqualTo(firm.firmId());
        assertThat(ledger.get("role").asText()).isEqualTo("owner");
        assertThat(ledger.get("businesses").asText()).isEqualTo("*");
    }
}
