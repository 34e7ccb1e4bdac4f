package dev.firmaccess.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.testing.FirmFixture;
import dev.firmaccess.testing.LoadedFirm;
import dev.firmaccess.testing.TokenClaims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * The container example of docs/testing-your-app.md: the official Keycloak image with the
 * extension, the same fixture as the distribution-based example. Skipped where no Docker engine runs.
 */
class InvoiceAppContainerTest {

    static FirmAccessKeycloakContainer keycloak;
    static LoadedFirm firm;

    @BeforeAll
    static void startKeycloak() {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                "No Docker engine found: the container test kit needs one; the distribution-based kit does not");
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
