package dev.firmaccess.keycloak.claims;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.keycloak.access.AccessLevels;
import dev.firmaccess.keycloak.claims.FirmClaim.BusinessClaim;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CappedBusinessesTest {

    private final AccessLevels levels = new AccessLevels(List.of("full", "read-only"));

    @Test
    void listsEveryBusinessAtItsStrongestLevelWhenUnderTheCap() {
        CappedBusinesses result = CappedBusinesses.of(List.of("b1", "b2"), 3,
                Map.of("b1", List.of("read-only", "full"), "b2", List.of("read-only")), levels);

        assertThat(result.businesses()).containsExactly(new BusinessClaim("b1", "full"),
                new BusinessClaim("b2", "read-only"));
        assertThat(result.capped()).isFalse();
    }

    @Test
    void oneMoreThanTheCapCutsTheListAndSaysSo() {
        CappedBusinesses result = CappedBusinesses.of(List.of("b1", "b2", "b3"), 2,
                Map.of("b1", List.of("full"), "b2", List.of("full")), levels);

        assertThat(result.businesses()).extracting(BusinessClaim::id).containsExactly("b1", "b2");
        assertThat(result.capped()).isTrue();
    }

    @Test
    void exactlyTheCapIsNotCapped() {
        assertThat(CappedBusinesses.of(List.of("b1", "b2"), 2,
                Map.of("b1", List.of("full"), "b2", List.of("full")), levels).capped()).isFalse();
    }

    @Test
    void aBusinessWhoseGrantVanishedBetweenTheReadsIsLeftOut() {
        assertThat(CappedBusinesses.of(List.of("b1", "b2"), 5, Map.of("b2", List.of("full")), levels).businesses())
                .extracting(BusinessClaim::id).containsExactly("b2");
    }

    @Test
    void theClaimNameDefaultsAndABadCapFallsBackToTheRealmSetting() {
        ClaimConfig defaults = ClaimConfig.of(Map.of());
        ClaimConfig configured = ClaimConfig.of(Map.of("claim.name", "fa", ClaimConfig.BUSINESS_CAP, "7"));

        assertThat(defaults.claimName()).isEqualTo("firm_access");
        assertThat(defaults.capOr(100)).isEqualTo(100);
        assertThat(configured.claimName()).isEqualTo("fa");
        assertThat(configured.capOr(100)).isEqualTo(7);
        assertThat(ClaimConfig.of(Map.of(ClaimConfig.BUSINESS_CAP, "-1")).capOr(100)).isEqualTo(100);
        assertThat(ClaimConfig.of(Map.of(ClaimConfig.BUSINESS_CAP, "lots")).capOr(100)).isEqualTo(100);
    }
}
