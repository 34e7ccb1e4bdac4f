package dev.firmaccess.keycloak.mail;

import dev.firmaccess.keycloak.core.FirmAccessException;
import java.util.Set;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

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
        ClientModel client = realm.getClientByClientId(CLIENT_ID);
        if (client == null) {
            throw FirmAccessException.notFound("Firm Access is not set up in this realm");
        }
        return client;
    }

    /** Creates the client unless the realm has it; for administrators' actions only. */
    public static ClientModel ensure(RealmModel realm) {
        ClientModel client = realm.getClientByClientId(CLIENT_ID);
        if (client != null) {
            return client;
        }
        client = realm.addClient(CLIENT_ID);
        client.setName("Firm Access");
        client.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setDirectAccessGrantsEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setRootUrl("${authBaseUrl}");
        client.setBaseUrl("/realms/" + realm.getName() + "/account/");
        client.setRedirectUris(Set.of("/realms/" + realm.getName() + "/firm-access/*"));
        client.setWebOrigins(Set.of("+"));
        client.setAttribute(LOGIN_THEME_ATTRIBUTE, FirmAccessEmail.THEME);
        client.setEnabled(true);
        return client;
    }
}
