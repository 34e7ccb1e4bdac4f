package dev.firmaccess.keycloak.mail;

import dev.firmaccess.keycloak.web.ExtensionClients;
import java.util.Set;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

/**
 * The realm's "firm-access" client. Invitees who already have an account sign in through it, so
 * Keycloak's own login sends them back to the invitation page; its login theme is the extension's,
 * which also renders the invitation pages.
 */
public final class InvitationClient {

    public static final String CLIENT_ID = "firm-access";
    static final String LOGIN_THEME_ATTRIBUTE = "login_theme";

    private InvitationClient() {
    }

    /**
     * The client of a realm where Firm Access is on; 404 when an administrator removed it, since
     * requests, which may be anonymous, never create it.
     */
    public static ClientModel of(RealmModel realm) {
        return ExtensionClients.require(realm, CLIENT_ID);
    }

    /** Creates the client unless the realm has it; for administrators' actions only. */
    public static ClientModel ensure(RealmModel realm) {
        return ExtensionClients.ensure(realm, CLIENT_ID, "Firm Access", client -> {
            client.setBaseUrl("/realms/" + realm.getName() + "/account/");
            client.setRedirectUris(Set.of("/realms/" + realm.getName() + "/firm-access/*"));
            client.setAttribute(LOGIN_THEME_ATTRIBUTE, FirmAccessEmail.THEME);
            client.setEnabled(true);
        });
    }
}
