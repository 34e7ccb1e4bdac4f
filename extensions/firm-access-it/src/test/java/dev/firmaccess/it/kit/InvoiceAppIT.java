package dev.firmaccess.it.kit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.testing.FirmAccessKeycloak;
import dev.firmaccess.testing.FirmFixture;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.LoadedFirm;
import dev.firmaccess.testing.TokenClaims;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example of docs/testing-your-app.md, word for word: an app's test against a real Keycloak
 * with the extension, started by the test kit with nothing but its defaults (the distribution from
 * the Maven repository, the provider jar from the classpath) and loaded from a fixture file.
 */
class InvoiceAppIT {

    static FirmAccessKeycloak keycloak;
    static LoadedFirm firm;
    static HttpJson http;

    @BeforeAll
    static void startKeycloak() {
        keycloak = FirmAccessKeycloak.builder().start();
        firm = keycloak.load(FirmFixture.fromResource("/fixtures/ledger-firm.json"));
        http = new HttpJson(keycloak.baseUrl());
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void aMembersTokenCarriesTheBusinessesSharedWithHer() {
        JsonNode claims = TokenClaims.of(firm.accessToken("mia"));

        assertThat(claims.get("aud").toString()).contains("firm-access-api");
        JsonNode ledger = claims.get("firm_access").get(0);
        assertThat(ledger.get("alias").asText()).isEqualTo("ledger");
        assertThat(ledger.get("role").asText()).isEqualTo("member");
        assertThat(ledger.get("businesses").get(0).get("id").asText()).isEqualTo(firm.businessId("Bakery"));
        assertThat(ledger.get("businesses").get(0).get("level").asText()).isEqualTo("read-only");
    }

    @Test
    void theEvaluationApiAnswersForATeamsGrant() {
        HttpJson.Reply decision = http.post("/realms/" + firm.realm() + "/firm-access/access/v1/evaluation",
                firm.accessToken("sam"), Map.of(
                        "subject", Map.of("type", "user", "id", firm.userId("sam")),
                        "action", Map.of("name", "write"),
                        "resource", Map.of("type", "business", "id", firm.businessId("Florist"))));

        assertThat(decision.status()).isEqualTo(200);
        assertThat(decision.json().get("decision").asBoolean()).isTrue();
    }

    @Test
    void aMemberReachesNothingThatIsNotSharedWithHer() {
        HttpJson.Reply businesses = http.get("/realms/" + firm.realm() + "/firm-access/api/v1/firms/ledger/businesses",
                firm.accessToken("mia"));

        assertThat(businesses.status()).isEqualTo(200);
        List<String> names = StreamSupport.stream(businesses.json().spliterator(), false)
                .map(business -> business.get("name").asText()).toList();
        assertThat(names).containsExactly("Bakery");
    }

    @Test
    void aPortalUserSeesTheirWorkspaceInTheirOwnClaim() {
        JsonNode claims = TokenClaims.of(firm.accessToken("paula@bakery.test"));

        assertThat(claims.path("firm_access").size()).isZero();
        assertThat(claims.get("firm_portal").toString()).contains(firm.businessId("Bakery"));
    }
}
