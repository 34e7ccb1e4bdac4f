package dev.firmaccess.keycloak.staff;

import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.core.FirmAccessException.Kind;
import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.firm.StaffActor;
import dev.firmaccess.keycloak.settings.FirmAccessSettings;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaffPolicyTest {

    private static final FirmAccessSettings DEFAULTS = FirmAccessSettings.parse(name -> null);

    private static StaffActor actor(StaffRole role) {
        return new StaffActor("actor", role, DEFAULTS);
    }

    private static void assertAllowed(ThrowingCallable check) {
        assertThatCode(check).doesNotThrowAnyException();
    }

    private static void assertRefused(ThrowingCallable check, Kind kind) {
        assertThatThrownBy(check).isInstanceOfSatisfying(FirmAccessException.class,
                refused -> assertThat(refused.kind()).isEqualTo(kind));
    }

    @Nested
    class GivenAnAdmin {
        @Test
        void mayPromoteAMemberToAdmin() {
            assertAllowed(() -> StaffPolicy.checkRoleChange(actor(StaffRole.ADMIN), StaffRole.MEMBER, StaffRole.ADMIN, 1));
        }

        @Test
        void mayNotMakeAnOwner() {
            assertRefused(() -> StaffPolicy.checkRoleChange(actor(StaffRole.ADMIN), StaffRole.ADMIN, StaffRole.OWNER, 1), Kind.FORBIDDEN);
        }

        @Test
        void mayManageAMemberOrAnotherAdminButNotAnOwner() {
            assertAllowed(() -> StaffPolicy.requireMayManage(actor(StaffRole.ADMIN), StaffRole.MEMBER));
            assertAllowed(() -> StaffPolicy.requireMayManage(actor(StaffRole.ADMIN), StaffRole.ADMIN));
            assertRefused(() -> StaffPolicy.requireMayManage(actor(StaffRole.ADMIN), StaffRole.OWNER), Kind.FORBIDDEN);
        }

        @Test
        void mayNotRemoveAnOwnerEvenIfThereAreSeveral() {
            assertRefused(() -> StaffPolicy.checkRemoval(actor(StaffRole.ADMIN), StaffRole.OWNER, 3), Kind.FORBIDDEN);
        }
    }

    @Nested
    class GivenAMember {
        @Test
        void mayChangeNobodysRole() {
            assertRefused(() -> StaffPolicy.checkRoleChange(actor(StaffRole.MEMBER), StaffRole.MEMBER, StaffRole.ADMIN, 1), Kind.FORBIDDEN);
        }
    }

    @Nested
    class GivenAnOwner {
        @Test
        void mayManageAnotherOwner() {
            assertAllowed(() -> StaffPolicy.requireMayManage(actor(StaffRole.OWNER), StaffRole.OWNER));
        }

        @Test
        void mayDemoteAnotherOwnerWhileOneRemains() {
            assertAllowed(() -> StaffPolicy.checkRoleChange(actor(StaffRole.OWNER), StaffRole.OWNER, StaffRole.ADMIN, 2));
        }

        @Test
        void mayNotDemoteTheLastOwner() {
            assertRefused(() -> StaffPolicy.checkRoleChange(actor(StaffRole.OWNER), StaffRole.OWNER, StaffRole.MEMBER, 1), Kind.CONFLICT);
        }

        @Test
        void mayNotRemoveTheLastOwner() {
            assertRefused(() -> StaffPolicy.checkRemoval(actor(StaffRole.OWNER), StaffRole.OWNER, 1), Kind.CONFLICT);
        }
    }
}
