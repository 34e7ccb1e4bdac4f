package dev.firmaccess.testing;

import java.nio.file.Path;
import org.keycloak.admin.client.Keycloak;

/**
 * This build's own test server: the kit's {@link FirmAccessKeycloak} with the freshly built
 * provider, test-sized limits and a mail catcher, plus clients for both the admin API and plain
 * HTTP. This build's failsafe configuration passes the locations as system properties; apps use
 * {@link FirmAccessKeycloak} directly.
 */
public final class TestEnvironment implements AutoCloseable {

    /**
     * The test servers start with this batch limit instead of the default 1000, through the
     * provider's SPI option, so that a test can see an operator's setting take effect.
     */
    public static final int EVALUATIONS_PER_BATCH = 500;

    private final MailCatcher mail;
    private final FirmAccessKeycloak keycloak;
    private final Keycloak admin;
    private final HttpJson http;

    /**
     * How recent a browser sign-in must be to create a connection key on the test servers: shorter
     * than the default, so that a test can see a sign-in grow too old without waiting minutes.
     */
    public static final int KEY_CREATION_MAX_AUTH_AGE_SECONDS = 30;

    private TestEnvironment(MailCatcher mail, FirmAccessKeycloak keycloak) {
        this.mail = mail;
        this.keycloak = keycloak;
        this.admin = keycloak.admin();
        this.http = new HttpJson(keycloak.baseUrl());
    }

    /**
     * A test waits for a retried email seconds, not minutes: the outbox polls every second and
     * retries a failed mail after a second, doubling from there.
     */
    static final String OUTBOX_RETRY_OPTION = "--spi-realm-restapi-extension--firm-access--outbox-retry-seconds=1";

    /**
     * However many attempts failed while a test kept a receiver or a node down, the next one comes
     * within two seconds after it is back.
     */
    static final String OUTBOX_MAX_RETRY_OPTION =
            "--spi-realm-restapi-extension--firm-access--outbox-max-retry-seconds=2";

    /**
     * With waits of two seconds, the default ten attempts would give a message up after twenty
     * seconds of failures, less than two cluster nodes may take to stop; 60 attempts last two
     * minutes. Not more: a subscriber a test leaves behind on a closed port is tried that often.
     */
    static final String OUTBOX_ATTEMPTS_OPTION = "--spi-realm-restapi-extension--firm-access--outbox-max-attempts=60";

    static final String OUTBOX_POLL_OPTION = "--spi-realm-restapi-extension--firm-access--outbox-poll-seconds=1";

    /** Access-event subscribers of the tests listen on loopback, which a production server refuses. */
    static final String INTERNAL_EVENT_TARGETS_OPTION =
            "--spi-realm-restapi-extension--firm-access--allow-internal-event-targets=true";

    /**
     * The authorization matrix registers an access-event subscriber for each caller of each row on
     * one shared firm, more than a firm may hold by default.
     */
    static final String EVENT_SUBSCRIBERS_OPTION = "--spi-realm-restapi-extension--firm-access--max-event-subscribers=500";

    /** Starts a server of the given flavor (its own copy of the distribution) on the database. */
    public static TestEnvironment start(String flavor, Database database) {
        MailCatcher mail = new MailCatcher().start();
        try {
            FirmAccessKeycloak keycloak = FirmAccessKeycloak.builder()
                    .distribution(KeycloakDistribution.fromSystemProperty().pristineHome())
                    .providerJar(providerJar())
                    // not servers/: KeycloakCluster runs its nodes in servers/{database kind}
                    .workDirectory(workDir().resolve("test-servers").resolve(flavor))
                    .database(database)
                    .runOption("--spi-realm-restapi-extension--firm-access--max-evaluations-per-batch="
                            + EVALUATIONS_PER_BATCH)
                    .runOption("--spi-realm-restapi-extension--firm-access--key-creation-max-auth-age="
                            + KEY_CREATION_MAX_AUTH_AGE_SECONDS)
                    .runOption(OUTBOX_RETRY_OPTION)
                    .runOption(OUTBOX_MAX_RETRY_OPTION)
                    .runOption(OUTBOX_ATTEMPTS_OPTION)
                    .runOption(OUTBOX_POLL_OPTION)
                    .runOption(INTERNAL_EVENT_TARGETS_OPTION)
                    .runOption(EVENT_SUBSCRIBERS_OPTION)
                    .start();
            return new TestEnvironment(mail, keycloak);
        } catch (RuntimeException e) {
            mail.close();
            throw e;
        }
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
        return keycloak.server();
    }

    public Keycloak admin() {
        return admin;
    }

    public HttpJson http() {
        return http;
    }

    @Override
    public void close() {
        keycloak.close();
        mail.close();
    }
}
