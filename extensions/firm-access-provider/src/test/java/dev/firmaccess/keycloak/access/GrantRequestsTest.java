package dev.firmaccess.keycloak.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firmaccess.keycloak.access.GrantRequests.ResolvedGrant;
import dev.firmaccess.keycloak.access.GrantViews.BulkGrantItem;
import dev.firmaccess.keycloak.access.GrantViews.DirectGrant;
import dev.firmaccess.keycloak.core.FirmAccessException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules on a list of grants that a bulk share, a bulk revoke or a replace of direct access must keep. */
class GrantRequestsTest {

    private static final int LIMIT = 3;
    private final AccessLevels levels = new AccessLevels(List.of("full", "read-only"));

    @Nested
    class GivenABulkShare {

        @Test
        void eachItemKeepsItsBusinessSubjectAndLevelAndAMissingLevelIsTheStrongest() {
            List<ResolvedGrant> resolved = GrantRequests.toShare(List.of(
                    new BulkGrantItem("b1", "user", "u1", "read-only"),
                    new BulkGrantItem("b1", "team", "t1", null)), levels, LIMIT);

            assertThat(resolved).containsExactly(
                    new ResolvedGrant("b1", GrantSubjectType.USER, "u1", "read-only"),
                    new ResolvedGrant("b1", GrantSubjectType.TEAM, "t1", "full"));
            assertThat(resolved.get(1).state()).isEqualTo(
                    Map.of("businessId", "b1", "subjectType", "team", "subjectId", "t1", "level", "full"));
        }

        @Test
        void theSameBusinessAndSubjectTwiceIsRefusedEvenWithAnotherLevel() {
            assertBadInput(() -> GrantRequests.toShare(List.of(
                    new BulkGrantItem("b1", "user", "u1", "full"),
                    new BulkGrantItem("b1", "user", "u1", "read-only")), levels, LIMIT),
                    "listed more than once");
        }

        @Test
        void aUserAndATeamWithTheSameIdAreDifferentSubjects() {
            assertThat(GrantRequests.toShare(List.of(
                    new BulkGrantItem("b1", "user", "x", "full"),
                    new BulkGrantItem("b1", "team", "x", "full")), levels, LIMIT)).hasSize(2);
        }

        @Test
        void anItemWithoutBusinessOrSubjectIsRefused() {
            assertBadInput(() -> GrantRequests.toShare(List.of(new BulkGrantItem(" ", "user", "u1", "full")),
                    levels, LIMIT), "'businessId' is required");
            assertBadInput(() -> GrantRequests.toShare(List.of(new BulkGrantItem("b1", "user", null, "full")),
                    levels, LIMIT), "'subjectId' is required");
        }

        @Test
        void aSubjectTypeOtherThanUserOrTeamIsRefused() {
            assertBadInput(() -> GrantRequests.toShare(List.of(new BulkGrantItem("b1", "group", "g1", "full")),
                    levels, LIMIT), "'subjectType' must be 'user' or 'team'");
        }

        @Test
        void aLevelTheRealmDoesNotDefineIsRefused() {
            assertBadInput(() -> GrantRequests.toShare(List.of(new BulkGrantItem("b1", "user", "u1", "owner")),
                    levels, LIMIT), "owner");
        }
    }

    @Nested
    class GivenAReplaceOfDirectAccess {

        @Test
        void theTargetKeepsTheOrderGivenWithCheckedLevels() {
            Map<String, String> target = GrantRequests.directTarget(List.of(
                    new DirectGrant("b2", "read-only"), new DirectGrant("b1", null)), levels, LIMIT);

            assertThat(target).containsExactly(Map.entry("b2", "read-only"), Map.entry("b1", "full"));
        }

        @Test
        void anEmptyListMeansNoDirectAccess() {
            assertThat(GrantRequests.directTarget(List.of(), levels, LIMIT)).isEmpty();
        }

        @Test
        void aBusinessListedTwiceIsRefused() {
            assertBadInput(() -> GrantRequests.directTarget(List.of(
                    new DirectGrant("b1", "full"), new DirectGrant("b1", "full")), levels, LIMIT),
                    "Business b1 is listed more than once");
        }
    }

    @Nested
    class GivenAnyListOfGrants {

        @Test
        void upToTheLimitIsAcceptedAndOneMoreIsRefused() {
            List<DirectGrant> atLimit = new ArrayList<>();
            for (int i = 0; i < LIMIT; i++) {
                atLimit.add(new DirectGrant("b" + i, "full"));
            }
            assertThat(GrantRequests.directTarget(atLimit, levels, LIMIT)).hasSize(LIMIT);

            atLimit.add(new DirectGrant("one-more", "full"));
            assertBadInput(() -> GrantRequests.directTarget(atLimit, levels, LIMIT), "At most 3 grants per call");
        }

        @Test
        void aMissingListOrANullItemIsRefused() {
            assertBadInput(() -> GrantRequests.requireSize(null, LIMIT), "'grants' is required");
            assertBadInput(() -> GrantRequests.requireSize(Arrays.asList(new DirectGrant("b1", "full"), null),
                    LIMIT), "must not contain null");
        }
    }

    private static void assertBadInput(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FirmAccessException.class, e -> {
            assertThat(e.kind()).isEqualTo(FirmAccessException.Kind.BAD_INPUT);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
