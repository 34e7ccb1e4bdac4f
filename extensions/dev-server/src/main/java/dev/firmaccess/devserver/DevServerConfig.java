package dev.firmaccess.devserver;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the dev server finds its parts and which ports it takes. The Maven build writes the paths
 * into the java argument file; people choose the ports, which stay fixed so URLs can be bookmarked.
 */
record DevServerConfig(Path keycloakHome, Path providerJar, Path realmConfig, Path workDir,
        int httpPort, int smtpPort, int inboxPort, boolean fresh) {

    static final String FRESH = "--fresh";

    static DevServerConfig from(String[] args, Map<String, String> env) {
        boolean fresh = false;
        for (String arg : args) {
            if (!arg.equals(FRESH)) {
                throw new IllegalArgumentException("Unknown option " + arg + " (supported: " + FRESH + ")");
            }
            fresh = true;
        }
        return new DevServerConfig(
                path("firm-access.keycloak.home"),
                path("firm-access.provider.jar"),
                path("firm-access.realm-config"),
                path("firm-access.work.dir"),
                port("port", System.getProperty("port", env.getOrDefault("FIRM_ACCESS_PORT", "8080"))),
                port("smtp.port", System.getProperty("smtp.port", "3025")),
                port("inbox.port", System.getProperty("inbox.port", "8025")),
                fresh);
    }

    Path serverHome() {
        return workDir.resolve("server");
    }

    Path realmFile() {
        return realmConfig.resolve("demo-realm.json");
    }

    Path firmAccessFile() {
        return realmConfig.resolve("demo-firm-access.json");
    }

    private static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalArgumentException("System property " + property
                    + " is not set; start the dev server with ./run.sh");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }

    private static int port(String name, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException invalid) {
            // reported below, with the option name
        }
        throw new IllegalArgumentException("Invalid " + name + ": '" + value + "' (expected 1-65535)");
    }
}
