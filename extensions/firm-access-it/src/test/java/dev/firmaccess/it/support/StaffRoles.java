package dev.firmaccess.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.TestRealm;
import java.util.Map;

/** Setting a staff member's role as the realm administrator does, for fixtures that need an owner or admin. */
public final class StaffRoles {

    private StaffRoles() {
    }

    /** Gives the user the role in the firm (by alias) through the realm-admin API, and checks that it took. */
    public static void set(HttpJson http, TestRealm realm, String firmAlias, String userId, String role) {
        HttpJson.Reply changed = http.put("/admin/realms/" + realm.name() + "/firm-access/firms/" + firmAlias
                + "/staff/" + userId + "/role", realm.adminToken(), Map.of("role", role));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }
}
