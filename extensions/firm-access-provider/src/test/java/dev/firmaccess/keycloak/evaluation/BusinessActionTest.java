package dev.firmaccess.keycloak.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.keycloak.access.AccessLevels;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusinessActionTest {

    private final AccessLevels levels = new AccessLevels(List.of("full", "read-only"));

    @Test
    void readNeedsAnyGrantAndWriteNeedsFull() {
        assertThat(BusinessAction.READ.allows("read-only", levels)).isTrue();
        assertThat(BusinessAction.READ.allows("full", levels)).isTrue();
        assertThat(BusinessAction.WRITE.allows("read-only", levels)).isFalse();
        assertThat(BusinessAction.WRITE.allows("full", levels)).isTrue();
    }

    @Test
    void noPathMeansNoAction() {
        assertThat(BusinessAction.READ.allows(null, levels)).isFalse();
    }

    @Test
    void searchesFilterWriteByFullAndReadByNothing() {
        assertThat(BusinessAction.WRITE.grantingLevels(levels)).containsExactly("full");
        assertThat(BusinessAction.READ.grantingLevels(levels)).isNull();
    }

    @Test
    void actionNamesAreExactLowerCase() {
        assertThat(BusinessAction.parse("read")).contains(BusinessAction.READ);
        assertThat(BusinessAction.parse("Write")).isEmpty();
        assertThat(BusinessAction.parse("delete")).isEmpty();
    }

    @Test
    void batchSemanticsStopWhereTheSpecificationSays() {
        assertThat(EvaluationSemantic.EXECUTE_ALL.stopsAfter(false)).isFalse();
        assertThat(EvaluationSemantic.DENY_ON_FIRST_DENY.stopsAfter(false)).isTrue();
        assertThat(EvaluationSemantic.DENY_ON_FIRST_DENY.stopsAfter(true)).isFalse();
        assertThat(EvaluationSemantic.PERMIT_ON_FIRST_PERMIT.stopsAfter(true)).isTrue();
        assertThat(EvaluationSemantic.parse("all")).isEmpty();
    }
}
