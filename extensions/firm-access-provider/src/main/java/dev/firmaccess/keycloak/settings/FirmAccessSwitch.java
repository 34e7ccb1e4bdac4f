package dev.firmaccess.keycloak.settings;

import dev.firmaccess.keycloak.console.ConsoleClient;
import dev.firmaccess.keycloak.invitation.InvitationClient;
import org.keycloak.Config;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderEvent;

/**
 * Whether an administrator turned Firm Access on for a realm: organizations enabled and the realm
 * setting {@code enabled}, never in the master realm. Elsewhere the realm's firm-access paths
 * answer 404, and the extension creates nothing there: its OIDC clients are made only by an
 * administrator's action (turning the switch on, saving the settings, creating a realm with it on).
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

    /** Creates the extension's clients in a realm that is on; only ever called from an administrator's action. */
    static void setUp(RealmModel realm) {
        if (isOn(realm)) {
            ConsoleClient.ensure(realm);
            InvitationClient.ensure(realm);
        }
    }

    /**
     * A realm created or imported with the switch on, such as the demo realm, is set up at once,
     * and its admin console tab shows the switch on (a tab form of defaults would turn it off).
     */
    public static void onEvent(ProviderEvent event) {
        if (event instanceof RealmModel.RealmPostCreateEvent created && isOn(created.getCreatedRealm())) {
            new SettingsService(created.getKeycloakSession(), created.getCreatedRealm()).update(SettingsView.UNCHANGED);
        }
    }
}
