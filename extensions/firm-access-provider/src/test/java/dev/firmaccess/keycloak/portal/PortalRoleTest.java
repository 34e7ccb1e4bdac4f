package dev.firmaccess.keycloak.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortalRoleTest {

    @Test
    void parsesTheWireNamesWhateverTheCase() {
        assertThat(PortalRole.parse("owner")).contains(PortalRole.OWNER);
        assertThat(PortalRole.parse(" Guest ")).contains(PortalRole.GUEST);
        assertThat(PortalRole.GUEST.wireName()).isEqualTo("guest");
    }

    @Test
    void staffRolesAreNoPortalRoles() {
        assertThat(PortalRole.parse("admin")).isEmpty();
        assertThat(PortalRole.parse("member")).isEmpty();
        assertThat(PortalRole.parse(null)).isEmpty();
    }
}
