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

    private FirmAccessSwitch() {
    }

    public static boolean isOn(RealmModel realm) {
        return realm.isOrganizationsEnabled() && !isMaster(realm) && "true".equals(realm.getAttribute(ATTRIBUTE));
    }

    static boolean isMaster(RealmModel realm) {
        return Config.getAdminRealm().equals(realm.getName());
    }
}
