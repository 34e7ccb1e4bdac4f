package dev.firmaccess.keycloak.staff;

import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.firm.StaffActor;
import dev.firmaccess.keycloak.settings.FirmAccessSettings;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaffPolicyTest {

    private static final FirmAccessSettings DEFAULTS = FirmAccessSettings.parse(name -> null);

    private static StaffActor actor(StaffRole role) {
        return new StaffActor("actor", role, DEFAULTS);
    }

    private static FirmAccessException.Kind kindOf(Throwable thrown) {
        return ((FirmAccessException) thrown).kind();
    }

    @Nested
    class GivenAnAdmin {
        @Test
        void mayPromoteAMemberToAdmin() {
            assertThatCode(() -> StaffPolicy.checkRoleChange(actor(StaffRole.ADMIN), StaffRole.MEMBER, StaffRole.ADMIN, 1))
                    .doesNotThrowAnyException();
        }

        @Test
        void mayNotMakeAnOwner() {
            assertThatThrownBy(() -> StaffPolicy.checkRoleChange(actor(StaffRole.ADMIN), StaffRole.ADMIN, StaffRole.OWNER, 1))
                    .satisfies(thrown -> org.assertj.core.api.Assertions.assertThat(kindOf(thrown)).isEqualTo(FirmAccessException.Kind.FORBIDDEN));
        }

        @Test
        void mayManageAMemberOrAnotherAdminButNotAnOwner() {
            assertThatCode(() -> StaffPolicy.requireMayManage(actor(StaffRole.ADMIN), StaffRole.MEMBER))
                    .doesNotThrowAnyException();
            assertThatCode(() -> StaffPolicy.requireMayManage(actor(StaffRole.ADMIN), StaffRole.ADMIN))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> StaffPolicy.requireMayManage(actor(StaffRole.ADMIN), StaffRole.OWNER))
                    .satisfies(thrown -> org.assertj.core.api.Assertions.assertThat(kindOf(thrown)).isEqualTo(FirmAccessException.Kind.FORBIDDEN));
        }

        @Test
        void mayNotRemoveAnOwnerEvenIfThereAreSeveral() {
            assertThatThrownBy(() -> StaffPolicy.checkRemoval(actor(StaffRole.ADMIN), StaffRole.OWNER, 3))
                    .satisfies(thrown -> org.assertj.core.api.Assertions.assertThat(kindOf(thrown)).isEqualTo(FirmAccessException.Kind.FORBIDDEN));
        }
    }

    @Nested
    class GivenAMember {
        @Test
        void mayChangeNobodysRole() {
            assertThatThrownBy(() -> StaffPolicy.checkRoleChange(actor(StaffRole.MEMBER), StaffRole.MEMBER, StaffRole.ADMIN, 1))
                    .satisfies(thrown -> org.assertj.core.api.Assertions.assertThat(kindOf(thrown)).isEqualTo(FirmAccessException.Kind.FORBIDDEN));
        }
    }

    @Nested
    class GivenAnOwner {
        @Test
        void mayManageAnotherOwner() {
            assertThatCode(() -> StaffPolicy.requireMayManage(actor(StaffRole.OWNER), StaffRole.OWNER))
                    .doesNotThrowAnyException();
        }

        @Test
        void mayDemoteAnotherOwnerWhileOneRemains() {
            assertThatCode(() -> StaffPolicy.checkRoleChange(actor(StaffRole.OWNER), StaffRole.OWNER, StaffRole.ADMIN, 2))
                    .doesNotThrowAnyException();
        }

        @Test
        void mayNotDemoteTheLastOwner() {
            assertThatThrownBy(() -> StaffPolicy.checkRoleChange(actor(StaffRole.OWNER), StaffRole.OWNER, StaffRole.MEMBER, 1))
                    .satisfies(thrown -> org.assertj.core.api.Assertions.assertThat(kindOf(thrown)).isEqualTo(FirmAccessException.Kind.CONFLICT));
        }

        @Test
        void mayNotRemoveTheLastOwner() {
            assertThatThrownBy(() -> StaffPolicy.checkRemoval(actor(StaffRole.OWNER), StaffRole.OWNER, 1))
                    .satisfies(thrown -> org.assertj.core.api.Assertions.assertThat(kindOf(thrown)).isEqualTo(FirmAccessException.Kind.CONFLICT));
        }
    }
}
