package dev.firmaccess.keycloak.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StaffRoleTest {

    @Test
    void parsesCanonicalNamesWhateverTheirCase() {
        assertThat(StaffRole.parse("Owner")).contains(StaffRole.OWNER);
        assertThat(StaffRole.parse(" admin ")).contains(StaffRole.ADMIN);
        assertThat(StaffRole.parse("member")).contains(StaffRole.MEMBER);
    }

    @Test
    void refusesLabelsAndUnknownNames() {
        assertThat(StaffRole.parse("PartnerAdmin")).isEmpty();
        assertThat(StaffRole.parse("")).isEmpty();
        assertThat(StaffRole.parse(null)).isEmpty();
    }

    @Test
    void onlyOwnersAndAdminsReachEveryBusiness() {
        assertThat(StaffRole.OWNER.reachesAllBusinesses()).isTrue();
        assertThat(StaffRole.ADMIN.reachesAllBusinesses()).isTrue();
        assertThat(StaffRole.MEMBER.reachesAllBusinesses()).isFalse();
    }
}
