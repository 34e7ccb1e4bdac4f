package dev.firmaccess.devserver;

import dev.firmaccess.testing.KeycloakServer;
import java.io.PrintStream;
import java.nio.file.Path;

/** What a developer needs after startup: every URL, every login, and how to stop. */
final class Banner {

    private static final String RULE = "=".repeat(78);

    private Banner() {
    }

    static void print(PrintStream out, DevServerConfig config, DemoRealm demo, Path logFile, Path dataDir) {
        String base = "http://localhost:" + config.httpPort();
        String realm = base + "/realms/" + demo.name();
        String inbox = "http://localhost:" + config.inboxPort();
        out.println(RULE);
        out.println(" Firm Access dev server is running");
        out.println();
        row(out, "Admin console", base + "/admin/   (login " + KeycloakServer.ADMIN_USERNAME + " / "
                + KeycloakServer.ADMIN_PASSWORD + ")");
        row(out, "Account console", realm + "/account/");
        row(out, "Firm console", realm + "/firm-access/console/   (sign in as a demo login)");
        row(out, "Firms API", realm + "/firm-access/api/v1/firms   (bearer token)");
        row(out, "API description", realm + "/firm-access/api/v1/openapi.yaml");
        demo.passwordGrantClient().ifPresent(client -> row(out, "Token endpoint",
                realm + "/protocol/openid-connect/token   (public client " + client + ", password grant)"));
        row(out, "Mail inbox", inbox + "/");
        row(out, "Mail JSON API", inbox + "/api/messages   (DELETE empties the inbox)");
        row(out, "SMTP", "127.0.0.1:" + config.smtpPort());
        out.println();
        out.println(" Demo logins in realm " + demo.name() + ":");
        for (DemoRealm.Login login : demo.logins()) {
            out.printf("   %-16s password %-12s %s%n", login.username(), login.password(), login.firms());
        }
        out.println();
        row(out, "Keycloak log", logFile.toString());
        row(out, "Data (H2)", dataDir + "   (./run.sh --fresh starts over)");
        out.println(RULE);
        out.println(" Press Ctrl-C to stop");
        out.flush();
    }

    private static void row(PrintStream out, String label, String value) {
        out.printf(" %-16s %s%n", label, value);
    }
}
