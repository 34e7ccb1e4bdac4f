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
    void onlyFullOfTheRealmsLevelsAllowsWrite() {
        assertThat(levels.allowsWrite("full")).isTrue();
        assertThat(levels.allowsWrite("read-only")).isFalse();
        assertThat(levels.strongestOf(List.of("read-only", "full"))).isEqualTo("full");
    }

    @Test
    void aLevelNoLongerDefinedRanksBelowEveryDefinedOne() {
        assertThat(levels.strongestOf(List.of("legacy", "read-only"))).isEqualTo("read-only");
        assertThat(levels.allowsWrite("legacy")).isFalse();
    }

    @Test
    void theFirmsLevelsFollowTheRealmsInPickersAndAWriteLevelOutranksEveryReadLevel() {
        AccessLevels withOwn = new AccessLevels(List.of("full", "read-only"),
                List.of(new FirmLevel("auditor", false), new FirmLevel("bookkeeper", true)));

        assertThat(withOwn.all()).containsExactly("full", "read-only", "auditor", "bookkeeper");
        assertThat(withOwn.require("bookkeeper")).isEqualTo("bookkeeper");
        assertThat(withOwn.allowsWrite("bookkeeper")).isTrue();
        assertThat(withOwn.allowsWrite("auditor")).isFalse();
        assertThat(withOwn.strongestOf(List.of("read-only", "bookkeeper"))).isEqualTo("bookkeeper");
        assertThat(withOwn.strongestOf(List.of("auditor", "read-only"))).isEqualTo("read-only");
        assertThat(withOwn.strongestOf(List.of("full", "bookkeeper"))).isEqualTo("full");
    }
}
