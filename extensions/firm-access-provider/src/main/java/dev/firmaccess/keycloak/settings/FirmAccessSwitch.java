package dev.firmaccess.keycloak.settings;

import org.keycloak.Config;
import org.keycloak.models.RealmModel;

/**
 * Whether an administrator turned Firm Access on for a realm: organizations enabled and the realm
 * setting {@code enabled}, never in the master realm. Elsewhere the realm's firm-access paths
 * answer 404, and the extension creates nothing there: its OIDC clients are made only by an
 * administrator's action (turning the switch on, saving the settings, creating a realm with it on;
 * see {@code FirmAccessSetUp}).
 */
public final class FirmAccessSwitch {

    static final String ATTRIBUTE = FirmAccessSettings.PREFIX + "enabled";

    /**
     * The admin realm's name, read once: it is server configuration, the same on every node and fixed
     * while the server runs, and reading it from the configuration costs more than the rest of this check.
     */
    private static volatile String adminRealm;

    private FirmAccessSwitch() {
    }

    public static boolean isOn(RealmModel realm) {
        return realm.isOrganizationsEnabled() && !isMaster(realm) && "true".equals(realm.getAttribute(ATTRIBUTE));
    }

    static boolean isMaster(RealmModel realm) {
        String name = adminRealm;
        if (name == null) {
            name = Config.getAdminRealm();
            adminRealm = name;
        }
        return name.equals(realm.getName());
    }
}
