package dev.firmaccess.devserver;

import dev.firmaccess.testing.Database;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.KeycloakDistribution;
import dev.firmaccess.testing.KeycloakServer;
import dev.firmaccess.testing.MailCatcher;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.keycloak.admin.client.Keycloak;

/**
 * Keycloak with the provider and the demo realm on H2 files, plus a mail catcher and its inbox,
 * on fixed local ports. Everything it starts is stopped by a shutdown hook, so Ctrl-C leaves no
 * Keycloak process behind.
 */
public final class DevServer {

    private final DevServerConfig config;
    private final ServerData data;
    // written by main, read by the shutdown hook's thread
    private volatile boolean stopping;
    private volatile MailCatcher mail;
    private volatile MailInbox inbox;
    private volatile KeycloakServer keycloak;

    private DevServer(DevServerConfig config) {
        this.config = config;
        this.data = new ServerData(config.serverHome());
    }

    public static void main(String[] args) {
        DevServer devServer;
        try {
            devServer = new DevServer(DevServerConfig.from(args, System.getenv()));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(devServer::stop, "dev-server-shutdown"));
        try {
            devServer.start();
        } catch (RuntimeException e) {
            if (devServer.stopping) {
                return;
            }
            System.err.println();
            System.err.println("The dev server did not start: " + e.getMessage());
            System.exit(1);
        }
        devServer.awaitKeycloakExit();
    }

    private void start() {
        checkPorts();
        DemoFirmAccess firmAccess = DemoFirmAccess.read(config.firmAccessFile());
        DemoRealm demo = DemoRealm.read(config.realmFile(), firmAccess);
        mail = new MailCatcher(config.smtpPort()).start();
        inbox = new MailInbox(mail, config.inboxPort()).start();
        startKeycloak(demo.name());
        try (Keycloak admin = keycloak.adminClient()) {
            new DemoSeeder(admin, new HttpJson(keycloak.baseUrl())).seed(firmAccess)
                    .forEach(problem -> System.out.println("Warning: demo data: " + problem));
        }
        Banner.print(System.out, config, demo, keycloak.logFile(), data.dir());
    }

    private void checkPorts() {
        PortCheck.requireFree(config.httpPort(), "Keycloak HTTP", "./run.sh -Dport=8180 (or FIRM_ACCESS_PORT=8180 ./run.sh)");
        PortCheck.requireFree(config.smtpPort(), "SMTP mail catcher", "./run.sh -Dsmtp.port=3026");
        PortCheck.requireFree(config.inboxPort(), "mail inbox", "./run.sh -Dinbox.port=8026");
    }

    private void startKeycloak(String realm) {
        Path home = new KeycloakDistribution(config.keycloakHome()).copyTo(config.serverHome());
        if (config.fresh()) {
            System.out.println(DevServerConfig.FRESH + ": deleting " + data.dir());
            data.wipe();
        }
        data.stageRealmImport(config.realmFile(), realm);
        KeycloakServer server = KeycloakServer.builder(home)
                .provider(config.providerJar())
                .database(Database.h2File())
                .httpPort(config.httpPort())
                .runOption("--import-realm")
                // read by the placeholder in demo-realm.json, so -Dsmtp.port reaches a freshly imported realm
                .environment("FIRM_ACCESS_SMTP_PORT", String.valueOf(config.smtpPort()))
                .heap("1g")
                .build();
        // assigned before start(), so Ctrl-C during the start stops the half-started server too
        keycloak = server;
        System.out.println("Starting Keycloak on port " + config.httpPort()
                + " (the first start also builds the server: 1-2 minutes). Log: " + server.logFile());
        try {
            server.start();
        } catch (IllegalStateException e) {
            // the provider's schema changes during development; old H2 files then fail to migrate
            throw new IllegalStateException(e.getMessage() + "\nIf the log shows a database or migration error, "
                    + "./run.sh " + DevServerConfig.FRESH + " starts over with a new database.", e);
        }
    }

    /** Keeps the dev server up as long as Keycloak is, so a crashed Keycloak ends it with its log. */
    private void awaitKeycloakExit() {
        CompletableFuture.allOf(ProcessHandle.current().children()
                .map(ProcessHandle::onExit).toArray(CompletableFuture[]::new)).join();
        if (!stopping) {
            System.err.println("Keycloak stopped unexpectedly. Server log:\n" + keycloak.logTail(80));
            System.exit(1);
        }
    }

    private void stop() {
        stopping = true;
        if (mail == null) {
            return;
        }
        System.out.println("Stopping the dev server...");
        closeQuietly(inbox);
        closeQuietly(keycloak);
        closeQuietly(mail);
        // kc.sh build runs without a handle in KeycloakServer: Ctrl-C during a first start must end it too
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
        System.out.println("Stopped.");
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            System.err.println("While stopping " + resource.getClass().getSimpleName() + ": " + e);
        }
    }
}
