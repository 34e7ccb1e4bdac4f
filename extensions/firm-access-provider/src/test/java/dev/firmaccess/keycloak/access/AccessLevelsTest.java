package dev.firmaccess.keycloak.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.services.ErrorResponseException;

class AccessLevelsTest {

    private final AccessLevels levels = new AccessLevels(List.of("full", "read-only"));

    @Test
    void aMissingLevelMeansTheStrongest() {
        assertThat(levels.require(null)).isEqualTo("full");
    }

    @Test
    void anUnknownLevelIsABadRequest() {
        assertThatThrownBy(() -> levels.require("admin"))
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.getResponse().getStatus()).isEqualTo(400));
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
