package dev.firmaccess.keycloak.admin;

import dev.firmaccess.keycloak.console.ConsoleClient;
import dev.firmaccess.keycloak.mail.InvitationClient;
import dev.firmaccess.keycloak.settings.FirmAccessSwitch;
import dev.firmaccess.keycloak.settings.SettingsService;
import dev.firmaccess.keycloak.settings.SettingsView;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderEvent;

/**
 * What an administrator's change of the settings sets up besides the settings: the extension's
 * OIDC clients and the organization tab's component once the realm is on, and the admin console's
 * settings tab showing the change. Called from an administrator's action (the admin API, the
 * settings tab, creating a realm), and once per start for realms set up before the organization tab
 * existed.
 */
public final class FirmAccessSetUp {

    private FirmAccessSetUp() {
    }

    /** Changes the settings through the admin API, all or nothing, and sets up what they turn on. */
    public static SettingsView update(KeycloakSession session, RealmModel realm, SettingsView change) {
        SettingsView after = new SettingsService(session, realm).update(change);
        ensureClients(realm);
        SettingsTab.mirror(realm, after);
        return after;
    }

    /** Creates the extension's clients and the organization tab's component in a realm that is on. */
    static void ensureClients(RealmModel realm) {
        if (FirmAccessSwitch.isOn(realm)) {
            ConsoleClient.ensure(realm);
            InvitationClient.ensure(realm);
            OrganizationTab.ensure(realm);
        }
    }

    /**
     * A realm created or imported with the switch on, such as the demo realm, is set up at once,
     * and its admin console tab shows the switch on (a tab form of defaults would turn it off).
     */
    public static void onEvent(ProviderEvent event) {
        if (event instanceof RealmModel.RealmPostCreateEvent created
                && FirmAccessSwitch.isOn(created.getCreatedRealm())) {
            update(created.getKeycloakSession(), created.getCreatedRealm(), SettingsView.UNCHANGED);
        }
        if (event instanceof PostMigrationEvent migrated) {
            KeycloakModelUtils.runJobInTransaction(migrated.getFactory(), session -> session.realms().getRealmsStream()
                    .filter(FirmAccessSwitch::isOn).forEach(OrganizationTab::ensure));
        }
    }
}
