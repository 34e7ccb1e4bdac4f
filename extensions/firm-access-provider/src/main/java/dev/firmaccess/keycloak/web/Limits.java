package dev.firmaccess.keycloak.web;

import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;

/**
 * The upper bounds of every list, bulk call, upload, batch and search, as the operator set them
 * with Keycloak's SPI options of the firm-access realm resource provider, for example
 * {@code --spi-realm-restapi-extension--firm-access--max-page-size=500}. Read once at start-up by
 * the realm resource provider's factory (a {@link Source}); the same on every request and every node
 * started with the same options.
 *
 * @param pageSize        the largest {@code max} of a list endpoint
 * @param bulkGrants      grants in one bulk share, bulk revoke or access replacement
 * @param invitees        people in one staff or portal invitation request, and memberships in one
 *                        portal bulk action (each may send a mail)
 * @param csvRows         data rows of one portal CSV import
 * @param csvChars        characters of one portal CSV import
 * @param keysPerMember   connection keys of one staff member in one firm
 * @param batchSize       items of one access evaluations batch
 * @param searchPageSize  the largest {@code page.limit} of an access search
 * @param bodyChars       characters of one JSON request body
 * @param mailEvents      delivery events in one mail-event post
 * @param keyCreationMaxAuthAgeSeconds how long after a browser sign-in, in seconds, its token may
 *                        still create a connection key
 * @param webhookToleranceSeconds how far, in seconds, a mail-event message's signed timestamp may be
 *                        from the server's clock, either way
 * @param webhookIdChars  characters of a mail-event message's {@code webhook-id}; at most
 *                        {@value #STORED_WEBHOOK_ID_CHARS}, the length the ids are stored with
 * @param outboxAttempts  delivery attempts of one outbox message (an email) before it is marked failed
 * @param outboxRetrySeconds the wait, in seconds, after a message's first failed attempt; it doubles
 *                        with each further failure
 * @param outboxMaxRetrySeconds the longest wait, in seconds, between two attempts of a message, however
 *                        often it failed; at least {@code outboxRetrySeconds}
 * @param outboxPollSeconds how often, in seconds, each node looks for due outbox messages
 * @param outboxLeaseSeconds how long, in seconds, a node that claimed a message has to deliver it
 *                        before another node may claim it again
 * @param outboxBatch     outbox messages one node claims in one poll
 * @param outboxRetentionDays how long, in days, a sent, failed or obsolete outbox message is kept
 *                        for inspection before it is deleted
 * @param eventSubscribers access-event subscribers of one firm
 * @param csvSyncRows     data rows of a portal CSV import answered within its request; a larger
 *                        upload is imported after it, with a status to poll
 * @param csvImportStaleSeconds how long, in seconds, an import after its request may make no
 *                        progress before it counts as stopped (its server stopped) and failed
 * @param internalEventTargets whether access-event subscribers may be on loopback, private or
 *                        other internal addresses (off: public addresses only)
 * @param levelsPerFirm   access levels one firm may define on top of the realm's
 * @param bulkBusinesses  businesses created in one bulk creation
 * @param cachedBusinessesPerFirm active businesses of one firm indexed in memory for decisions; a
 *                        larger firm's decisions read its businesses from the database
 * @param cachedGrantsPerUser grants reaching one user held in memory for decisions; a user with
 *                        more has the grants of each decision read from the database
 */
public record Limits(int pageSize, int bulkGrants, int invitees, int csvRows, int csvChars, int keysPerMember,
        int batchSize, int searchPageSize, int bodyChars, int mailEvents, int keyCreationMaxAuthAgeSeconds,
        int webhookToleranceSeconds, int webhookIdChars, int outboxAttempts, int outboxRetrySeconds,
        int outboxMaxRetrySeconds, int outboxPollSeconds, int outboxLeaseSeconds, int outboxBatch, int outboxRetentionDays,
        int eventSubscribers, int csvSyncRows, int csvImportStaleSeconds, boolean internalEventTargets,
        int levelsPerFirm, int bulkBusinesses, int cachedBusinessesPerFirm, int cachedGrantsPerUser) {

    /** The column length of a received {@code webhook-id}; a longer allowed id could not be stored. */
    public static final int STORED_WEBHOOK_ID_CHARS = 255;

    /** The SPI option of each limit with its default. */
    public static final Map<String, Integer> DEFAULTS = Map.ofEntries(
            Map.entry("max-page-size", 1000),
            Map.entry("max-bulk-grants", 10_000),
            Map.entry("max-invitees", 100),
            Map.entry("max-csv-rows", 5_000),
            Map.entry("max-csv-chars", 1_000_000),
            Map.entry("max-keys-per-member", 50),
            Map.entry("max-evaluations-per-batch", 1000),
            Map.entry("max-search-page-size", 1000),
            Map.entry("max-body-chars", 2_000_000),
            Map.entry("max-mail-events", 1000),
            Map.entry("key-creation-max-auth-age", 300),
            // Standard Webhooks' own default tolerance.
            Map.entry("webhook-timestamp-tolerance", 300),
            Map.entry("max-webhook-id-chars", STORED_WEBHOOK_ID_CHARS),
            // 30 s doubling up to an hour over 10 attempts: the last one about three hours after the first
            Map.entry("outbox-max-attempts", 10),
            Map.entry("outbox-retry-seconds", 30),
            // A message that failed often while its receiver was down is still retried within the
            // hour after the receiver is back, not a day later.
            Map.entry("outbox-max-retry-seconds", 3600),
            Map.entry("outbox-poll-seconds", 5),
            // longer than an SMTP server's usual timeouts, so a slow send is not repeated by another node
            Map.entry("outbox-lease-seconds", 300),
            Map.entry("outbox-batch-size", 50),
            Map.entry("outbox-retention-days", 7),
            Map.entry("max-event-subscribers", 20),
            Map.entry("max-csv-sync-rows", 100),
            Map.entry("csv-import-stale-seconds", 300),
            Map.entry("max-levels-per-firm", 20),
            Map.entry("max-bulk-businesses", 1000),
            // 16 bytes a business: about 1.6 MB for a firm at the default, on each node.
            Map.entry("max-cached-businesses-per-firm", 100_000),
            // about 150 bytes a grant: at most 150 KB beside each user in Keycloak's user cache.
            Map.entry("max-cached-grants-per-user", 1000));

    /** The SPI option that lets access-event subscribers be on internal addresses; off by default. */
    public static final String INTERNAL_EVENT_TARGETS = "allow-internal-event-targets";

    /** The limits of the provider's SPI configuration, each option falling back to its default. */
    public static Limits from(Config.Scope config) {
        return read(name -> config.getInt(name, DEFAULTS.get(name)), config.getBoolean(INTERNAL_EVENT_TARGETS, false));
    }

    /** The defaults, for code that runs without the server's configuration (unit tests). */
    public static Limits defaultLimits() {
        return read(DEFAULTS::get, false);
    }

    /** The id of the realm resource provider whose SPI options set the limits. */
    public static final String PROVIDER_ID = "firm-access";

    /** The factory of the realm resource provider {@link #PROVIDER_ID}: it reads the limits at start-up. */
    public interface Source {
        Limits limits();
    }

    /** The limits the running server was started with, from the provider factory that read them. */
    public static Limits of(KeycloakSession session) {
        return of(session.getKeycloakSessionFactory());
    }

    /** The same, for code that runs outside a request, such as the outbox worker started with the server. */
    public static Limits of(KeycloakSessionFactory factory) {
        return ((Source) factory.getProviderFactory(RealmResourceProvider.class, PROVIDER_ID)).limits();
    }

    private static Limits read(Function<String, Integer> option, boolean internalEventTargets) {
        ToIntFunction<String> positive = name -> {
            Integer value = option.apply(name);
            if (value == null || value < 1) {
                // A limit of 0 would refuse everything; a start-up error names the option to fix.
                throw new IllegalArgumentException("Firm access option '" + name + "' must be 1 or more, not " + value);
            }
            return value;
        };
        return new Limits(positive.applyAsInt("max-page-size"), positive.applyAsInt("max-bulk-grants"),
                positive.applyAsInt("max-invitees"), positive.applyAsInt("max-csv-rows"),
                positive.applyAsInt("max-csv-chars"), positive.applyAsInt("max-keys-per-member"),
                positive.applyAsInt("max-evaluations-per-batch"), positive.applyAsInt("max-search-page-size"),
                positive.applyAsInt("max-body-chars"), positive.applyAsInt("max-mail-events"),
                positive.applyAsInt("key-creation-max-auth-age"),
                positive.applyAsInt("webhook-timestamp-tolerance"), webhookIdChars(positive),
                positive.applyAsInt("outbox-max-attempts"), positive.applyAsInt("outbox-retry-seconds"),
                outboxMaxRetrySeconds(positive), positive.applyAsInt("outbox-poll-seconds"),
                positive.applyAsInt("outbox-lease-seconds"),
                positive.applyAsInt("outbox-batch-size"), positive.applyAsInt("outbox-retention-days"),
                positive.applyAsInt("max-event-subscribers"), positive.applyAsInt("max-csv-sync-rows"),
                positive.applyAsInt("csv-import-stale-seconds"), internalEventTargets,
                positive.applyAsInt("max-levels-per-firm"), positive.applyAsInt("max-bulk-businesses"),
                positive.applyAsInt("max-cached-businesses-per-firm"), positive.applyAsInt("max-cached-grants-per-user"));
    }

    private static int outboxMaxRetrySeconds(ToIntFunction<String> positive) {
        int longest = positive.applyAsInt("outbox-max-retry-seconds");
        int first = positive.applyAsInt("outbox-retry-seconds");
        if (longest < first) {
            throw new IllegalArgumentException("Firm access option 'outbox-max-retry-seconds' must be at least"
                    + " 'outbox-retry-seconds' (" + first + "), not " + longest);
        }
        return longest;
    }

    private static int webhookIdChars(ToIntFunction<String> positive) {
        int chars = positive.applyAsInt("max-webhook-id-chars");
        if (chars > STORED_WEBHOOK_ID_CHARS) {
            throw new IllegalArgumentException("Firm access option 'max-webhook-id-chars' must be at most "
                    + STORED_WEBHOOK_ID_CHARS + " (the stored length), not " + chars);
        }
        return chars;
    }
}
