package dev.firmaccess.testing;

import java.nio.file.Path;
import org.keycloak.admin.client.Keycloak;

/**
 * A running Keycloak with the freshly built provider and a mail catcher, plus clients for both
 * the admin API and plain HTTP. The build passes the locations as system properties.
 */
public final class TestEnvironment implements AutoCloseable {

    /**
     * The test servers start with this batch limit instead of the default 1000, through the
     * provider's SPI option, so that a test can see an operator's setting take effect.
     */
    public static final int EVALUATIONS_PER_BATCH = 500;

    private final MailCatcher mail;
    private final KeycloakServer server;
    private final Keycloak admin;
    private final HttpJson http;

    /**
     * How recent a browser sign-in must be to create a connection key on the test servers: shorter
     * than the default, so that a test can see a sign-in grow too old without waiting minutes.
     */
    public static final int KEY_CREATION_MAX_AUTH_AGE_SECONDS = 30;

    private TestEnvironment(MailCatcher mail, KeycloakServer server) {
        this.mail = mail;
        this.server = server;
        this.admin = server.adminClient();
        this.http = new HttpJson(server.baseUrl());
    }

    /** Starts a server of the given flavor (its own copy of the distribution) on the database. */
    public static TestEnvironment start(String flavor, Database database) {
        KeycloakDistribution distribution = KeycloakDistribution.fromSystemProperty();
        Path home = distribution.copyTo(workDir().resolve("servers").resolve(flavor));
        MailCatcher mail = new MailCatcher().start();
        KeycloakServer server = KeycloakServer.builder(home)
                .provider(providerJar())
                .database(database)
                .runOption("--spi-realm-restapi-extension--firm-access--max-evaluations-per-batch="
                        + EVALUATIONS_PER_BATCH)
                .runOption("--spi-realm-restapi-extension--firm-access--key-creation-max-auth-age="
                        + KEY_CREATION_MAX_AUTH_AGE_SECONDS)
                .build();
        try {
            server.start();
        } catch (RuntimeException e) {
            mail.close();
            throw e;
        }
        return new TestEnvironment(mail, server);
    }

    public static Path providerJar() {
        return Path.of(required("firm-access.provider.jar"));
    }

    public static Path workDir() {
        return Path.of(required("firm-access.work.dir"));
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set; run the tests through Maven");
        }
        return value;
    }

    public TestRealm newRealm(String prefix) {
        return TestRealm.create(admin, http, mail, prefix);
    }

    public MailCatcher mail() {
        return mail;
    }

    public KeycloakServer server() {
        return server;
    }

    public Keycloak admin() {
        return admin;
    }

    public HttpJson http() {
        return http;
    }

    @Override
    public void close() {
        admin.close();
        server.close();
        mail.close();
    }
}
