package dev.firmaccess.keycloak.console;

import java.net.URI;
import org.keycloak.common.Version;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Where the console and the Keycloak resources it uses live, relative to the request's base URI. */
public final class ConsolePaths {

    static final String THEME = "firm-access-console";

    private ConsolePaths() {
    }

    /** The console's path below the server root, e.g. {@code /realms/acme/firm-access/console/}. */
    public static String path(RealmModel realm) {
        return "/realms/" + realm.getName() + "/firm-access/console/";
    }

    static String base(KeycloakSession session) {
        URI root = session.getContext().getUri().getBaseUri();
        return root.toString().replaceAll("/$", "") + path(session.getContext().getRealm());
    }

    /** The console's absolute path on this server, with the server's own path prefix if it has one. */
    static String basePath(KeycloakSession session) {
        return URI.create(base(session)).getRawPath();
    }

    static String callback(KeycloakSession session) {
        return base(session) + ConsoleReturnPath.CALLBACK;
    }

    static String realmBase(KeycloakSession session) {
        return session.getContext().getUri().getBaseUri().toString().replaceAll("/$", "") + "/realms/"
                + session.getContext().getRealm().getName();
    }

    static String resources(KeycloakSession session) {
        return session.getContext().getUri().getBaseUri().getPath().replaceAll("/$", "") + "/resources/"
                + Version.RESOURCES_VERSION;
    }
}
