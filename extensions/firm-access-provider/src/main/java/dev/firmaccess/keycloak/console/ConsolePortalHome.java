package dev.firmaccess.keycloak.console;

import dev.firmaccess.keycloak.portal.PortalWorkspaces;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.keycloak.models.KeycloakSession;

/**
 * {@code .../console/portal}: "My workspaces", where a portal user lands after activation. It
 * shows only their own active workspaces; staff who are portal users too get links to their firms.
 */
public class ConsolePortalHome {

    private final KeycloakSession session;
    private final ConsoleSignIn signIn;
    private final ConsolePages pages;

    ConsolePortalHome(KeycloakSession session, ConsoleSignIn signIn, ConsolePages pages) {
        this.session = session;
        this.signIn = signIn;
        this.pages = pages;
    }

    @GET
    public Response workspaces() {
        ConsoleUser user = signIn.current();
        if (user == null) {
            return signIn.redirectToLogin();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("workspaces", new PortalWorkspaces(session).of(user.auth().user()));
        model.put("staffFirms", ConsoleResource.firmsOf(session, user));
        model.put("csrf", user.csrf());
        model.put("userName", ConsoleResource.displayName(user));
        return pages.render(200, "console-portal", user.auth().user(), model);
    }

    static boolean hasWorkspaces(KeycloakSession session, ConsoleUser user) {
        return !new PortalWorkspaces(session).of(user.auth().user()).isEmpty();
    }
}
