package dev.firmaccess.keycloak.access;

import dev.firmaccess.keycloak.core.FirmAccessException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccessLevelsTest {

    private final AccessLevels levels = new AccessLevels(List.of("full", "read-only"));

    @Test
    void aMissingLevelMeansTheStrongest() {
        assertThat(levels.require(null)).isEqualTo("full");
    }

    @Test
    void anUnknownLevelIsABadRequest() {
        assertThatThrownBy(() -> levels.require("admin"))
                .isInstanceOfSatisfying(FirmAccessException.class,
                        e -> assertThat(e.kind()).isEqualTo(FirmAccessException.Kind.BAD_INPUT));
    }

    @Test
    void fullSatisfiesReadOnlyButNotTheOtherWayRound() {
        assertThat(levels.satisfies("full", "read-only")).isTrue();
        assertThat(levels.satisfies("read-only", "full")).isFalse();
    }

    @Test
    void aLevelNoLongerDefinedRanksBelowEveryDefinedOne() {
        assertThat(levels.strongestOf(List.of("legacy", "read-only"))).isEqualTo("read-only");
        assertThat(levels.satisfies("legacy", "read-only")).isFalse();
    }
}
