package dev.firmaccess.keycloak.claims;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.keycloak.access.AccessLevels;
import dev.firmaccess.keycloak.claims.FirmClaim.BusinessClaim;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CappedBusinessesTest {

    private final AccessLevels levels = new AccessLevels(List.of("full", "read-only"));

    @Test
    void listsEveryBusinessAtItsStrongestLevelWhenUnderTheCap() {
        CappedBusinesses result = CappedBusinesses.of(
                rows("b1", "read-only", "b1", "full", "b2", "read-only"), 3, levels);

        assertThat(result.businesses()).containsExactly(new BusinessClaim("b1", "full"),
                new BusinessClaim("b2", "read-only"));
        assertThat(result.capped()).isFalse();
    }

    @Test
    void oneMoreBusinessThanTheCapCutsTheListAndSaysSo() {
        CappedBusinesses result = CappedBusinesses.of(rows("b1", "full", "b2", "full", "b2", "read-only", "b3", "full"),
                2, levels);

        assertThat(result.businesses()).containsExactly(new BusinessClaim("b1", "full"), new BusinessClaim("b2", "full"));
        assertThat(result.capped()).isTrue();
    }

    @Test
    void exactlyTheCapIsNotCappedHoweverManyGrantsEachHas() {
        assertThat(CappedBusinesses.of(rows("b1", "full", "b1", "read-only", "b2", "full"), 2, levels).capped())
                .isFalse();
    }

    @Test
    void noGrantsIsAnEmptyUncappedList() {
        CappedBusinesses result = CappedBusinesses.of(List.of(), 100, levels);

        assertThat(result.businesses()).isEmpty();
        assertThat(result.capped()).isFalse();
    }

    @Test
    void theClaimNameDefaultsAndABadCapFallsBackToTheRealmSetting() {
        FirmAccessClaimMapper mapper = new FirmAccessClaimMapper();

        assertThat(mapper.claimName(Map.of())).isEqualTo("firm_access");
        assertThat(mapper.claimName(Map.of("claim.name", " fa "))).isEqualTo("fa");
        assertThat(ClaimConfig.of(Map.of()).capOr(100)).isEqualTo(100);
        assertThat(ClaimConfig.of(Map.of(ClaimConfig.BUSINESS_CAP, "7")).capOr(100)).isEqualTo(7);
        assertThat(ClaimConfig.of(Map.of(ClaimConfig.BUSINESS_CAP, "-1")).capOr(100)).isEqualTo(100);
        assertThat(ClaimConfig.of(Map.of(ClaimConfig.BUSINESS_CAP, "lots")).capOr(100)).isEqualTo(100);
    }

    private static List<Object[]> rows(String... idsAndLevels) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < idsAndLevels.length; i += 2) {
            rows.add(new Object[] {idsAndLevels[i], idsAndLevels[i + 1]});
        }
        return rows;
    }
}
