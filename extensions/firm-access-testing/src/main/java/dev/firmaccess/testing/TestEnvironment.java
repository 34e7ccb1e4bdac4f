package dev.firmaccess.testing;

import java.nio.file.Path;
import java.util.List;
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
    private static final String OUTBOX_RETRY_OPTION = "--spi-realm-restapi-extension--firm-access--outbox-retry-seconds=1";

    /**
     * However many attempts failed while a test kept a receiver or a node down, the next one comes
     * within two seconds after it is back.
     */
    private static final String OUTBOX_MAX_RETRY_OPTION =
            "--spi-realm-restapi-extension--firm-access--outbox-max-retry-seconds=2";

    /**
     * With waits of two seconds, the default ten attempts would give a message up after twenty
     * seconds of failures, less than two cluster nodes may take to stop; 60 attempts last two
     * minutes. Not more: a subscriber a test leaves behind on a closed port is tried that often.
     */
    private static final String OUTBOX_ATTEMPTS_OPTION = "--spi-realm-restapi-extension--firm-access--outbox-max-attempts=60";

    private static final String OUTBOX_POLL_OPTION = "--spi-realm-restapi-extension--firm-access--outbox-poll-seconds=1";

    /**
     * A node stopped by a test while it was attempting a message leaves the message claimed until
     * the lease ends: 15 seconds (longer than an access event's 10-second delivery timeout, so no
     * slow attempt is taken over) instead of the default 5 minutes lets the other node or the
     * restarted one send it within the test's wait.
     */
    private static final String OUTBOX_LEASE_OPTION = "--spi-realm-restapi-extension--firm-access--outbox-lease-seconds=15";

    /** Access-event subscribers of the tests listen on loopback, which a production server refuses. */
    private static final String INTERNAL_EVENT_TARGETS_OPTION =
            "--spi-realm-restapi-extension--firm-access--allow-internal-event-targets=true";

    /**
     * The authorization matrix registers an access-event subscriber for each caller of each row on
     * one shared firm, more than a firm may hold by default.
     */
    /**
     * The outbox's and the access events' test settings above, which a single test server and
     * each node of a test cluster both run with.
     */
    static final List<String> OUTBOX_OPTIONS = List.of(OUTBOX_RETRY_OPTION, OUTBOX_MAX_RETRY_OPTION,
            OUTBOX_ATTEMPTS_OPTION, OUTBOX_POLL_OPTION, OUTBOX_LEASE_OPTION, INTERNAL_EVENT_TARGETS_OPTION);

    static final String EVENT_SUBSCRIBERS_OPTION = "--spi-realm-restapi-extension--firm-access--max-event-subscribers=500";

    /**
     * The test servers cache no grants of a user who has more than 5, and no index of a firm with
     * more than 40 active businesses: the defaults (1000 and 100,000) are more than a test builds,
     * so without these bounds no test would see a decision taken past either cache.
     */
    public static final int CACHED_GRANTS_PER_USER = 5;

    /** See {@link #CACHED_GRANTS_PER_USER}. */
    public static final int CACHED_BUSINESSES_PER_FIRM = 40;

    /** The bounds of the decision caches on every test server, a single one or a cluster's node. */
    static final List<String> DECISION_CACHE_OPTIONS = List.of(
            "--spi-realm-restapi-extension--firm-access--max-cached-grants-per-user=" + CACHED_GRANTS_PER_USER,
            "--spi-realm-restapi-extension--firm-access--max-cached-businesses-per-firm=" + CACHED_BUSINESSES_PER_FIRM);

    /**
     * Starts a test server of the given flavor (its own copy of the distribution) on the database,
     * with the test-sized bounds of the decision caches.
     */
    public static TestEnvironment start(String flavor, Database database) {
        return start(flavor, database, DECISION_CACHE_OPTIONS);
    }

    /**
     * Starts a server like {@link #start(String, Database)} but with the decision caches at their
     * default bounds, as in production: for measuring, where the test-sized bounds would make the
     * decisions read the database that production answers from memory.
     */
    public static TestEnvironment startWithDefaultCaches(String flavor, Database database) {
        return start(flavor, database, List.of());
    }

    private static TestEnvironment start(String flavor, Database database, List<String> cacheOptions) {
        MailCatcher mail = new MailCatcher().start();
        try {
            FirmAccessKeycloak.Builder builder = FirmAccessKeycloak.builder()
                    .distribution(KeycloakDistribution.fromSystemProperty().pristineHome())
                    .providerJar(providerJar())
                    // not servers/: KeycloakCluster runs its nodes in servers/{database kind}
                    .workDirectory(workDir().resolve("test-servers").resolve(flavor))
                    .database(database)
                    .runOption("--spi-realm-restapi-extension--firm-access--max-evaluations-per-batch="
                            + EVALUATIONS_PER_BATCH)
                    .runOption("--spi-realm-restapi-extension--firm-access--key-creation-max-auth-age="
                            + KEY_CREATION_MAX_AUTH_AGE_SECONDS)
                    .runOption(EVENT_SUBSCRIBERS_OPTION);
            OUTBOX_OPTIONS.forEach(builder::runOption);
            cacheOptions.forEach(builder::runOption);
            return new TestEnvironment(mail, builder.start());
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
