package dev.firmaccess.keycloak.access;

import dev.firmaccess.keycloak.core.StaffRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessExplainerTest {

    private final AccessExplainer explainer = new AccessExplainer(new AccessLevels(List.of("full", "read-only")));

    private static GrantRow grant(String businessId, GrantSubjectType type, String subjectId, String level) {
        return new GrantRow(businessId, type, subjectId, level);
    }

    @Nested
    class GivenAMember {
        private final Map<String, List<AccessPath>> paths = explainer.paths(StaffRole.MEMBER, List.of("b1", "b2", "b3"),
                List.of(grant("b1", GrantSubjectType.TEAM, "t1", "full"),
                        grant("b1", GrantSubjectType.USER, "u", "read-only"),
                        grant("b2", GrantSubjectType.TEAM, "t2", "read-only")),
                Map.of("t1", "Payroll", "t2", "Audit"));

        @Test
        void listsTheDirectPathBeforeTeamPaths() {
            assertThat(paths.get("b1")).extracting(AccessPath::label).containsExactly("direct", "team:Payroll");
        }

        @Test
        void theStrongestPathGivesTheLevel() {
            assertThat(explainer.effectiveLevel(paths.get("b1"))).isEqualTo("full");
            assertThat(explainer.effectiveLevel(paths.get("b2"))).isEqualTo("read-only");
        }

        @Test
        void reachesNothingWithoutAGrant() {
            assertThat(paths).doesNotContainKey("b3");
        }
    }

    @Nested
    class GivenAnAdmin {
        private final Map<String, List<AccessPath>> paths = explainer.paths(StaffRole.ADMIN, List.of("b1", "b2"),
                List.of(grant("b2", GrantSubjectType.USER, "u", "read-only")), Map.of());

        @Test
        void reachesEveryBusinessThroughTheRoleAtFullAccess() {
            assertThat(paths.get("b1")).extracting(AccessPath::label).containsExactly("role:admin");
            assertThat(explainer.effectiveLevel(paths.get("b1"))).isEqualTo("full");
        }

        @Test
        void stillShowsGrantsItHolds() {
            assertThat(paths.get("b2")).extracting(AccessPath::label).containsExactly("role:admin", "direct");
            assertThat(explainer.effectiveLevel(paths.get("b2"))).isEqualTo("full");
        }
    }
}
