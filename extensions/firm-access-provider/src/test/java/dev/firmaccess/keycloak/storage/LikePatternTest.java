package dev.firmaccess.keycloak.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikePatternTest {

    @Test
    void aSearchIsTrimmedLowerCasedAndFoundAnywhereWithItsWildcardsAsThemselves() {
        assertThat(LikePattern.contains("  R&D 100% ")).isEqualTo("%r&d 100\\%%");
        assertThat(LikePattern.contains("a_b\\c")).isEqualTo("%a\\_b\\\\c%");
    }

    @Test
    void aStoredFragmentKeepsItsCase() {
        assertThat(LikePattern.containsExactly("Read_Only")).isEqualTo("%Read\\_Only%");
    }
}
