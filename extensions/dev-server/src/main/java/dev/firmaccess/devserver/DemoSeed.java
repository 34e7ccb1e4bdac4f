package dev.firmaccess.devserver;

import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.KeycloakServer;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.keycloak.admin.client.Keycloak;

/**
 * Applies realm-config/demo-firm-access.json to a Keycloak started elsewhere, such as the one of
 * docker-compose: waits until the imported demo realm answers, then seeds it like the dev server.
 */
public final class DemoSeed {

    private static final Duration WAIT = Duration.ofMinutes(5);

    private DemoSeed() {
    }

    public static void main(String[] args) throws InterruptedException {
        String baseUrl = args.length > 0 ? args[0] : "http://localhost:8080";
        DemoFirmAccess demo = DemoFirmAccess.read(Path.of(args.length > 1 ? args[1] : "realm-config/demo-firm-access.json"));
        HttpJson http = new HttpJson(baseUrl);
        awaitRealm(http, demo.realm());
        List<String> problems;
        try (Keycloak admin = Keycloak.getInstance(baseUrl, "master", KeycloakServer.ADMIN_USERNAME,
                KeycloakServer.ADMIN_PASSWORD, "admin-cli")) {
            problems = new DemoSeeder(admin, http).seed(demo);
        }
        problems.forEach(problem -> System.err.println("Demo data: " + problem));
        System.out.println(problems.isEmpty() ? "Demo firm data applied to " + baseUrl : "Demo firm data incomplete");
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    /**
     * Seeds the demo realm, already imported into the server behind {@code admin} and {@code http},
     * from a demo-firm-access.json file, as the dev server does; answers what could not be applied.
     * The executable documentation seeds its server this way.
     */
    public static List<String> seed(Keycloak admin, HttpJson http, Path firmAccessFile) {
        return new DemoSeeder(admin, http).seed(DemoFirmAccess.read(firmAccessFile));
    }

    private static void awaitRealm(HttpJson http, String realm) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.get("/realms/" + realm, null).status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notUpYet) {
                // Keycloak is still starting
            }
            Thread.sleep(2000);
        }
        throw new IllegalStateException("Realm " + realm + " did not answer within " + WAIT);
    }
}
