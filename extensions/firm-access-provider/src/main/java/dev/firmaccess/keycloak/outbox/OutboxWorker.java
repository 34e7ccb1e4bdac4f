package dev.firmaccess.keycloak.outbox;

import dev.firmaccess.keycloak.storage.Jpa;
import dev.firmaccess.keycloak.web.Limits;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.TimerProvider;

/**
 * Delivers the outbox on every node: a timer looks for due messages every few seconds, and a
 * committed change asks for its own messages at once. Each message is first claimed (see
 * {@link OutboxRepository}), then delivered in a transaction of its own that records the outcome:
 * sent, obsolete, or a failure retried with exponential backoff until the attempts run out.
 */
public final class OutboxWorker {

    static final String NAME = "firm-access-outbox";

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class);

    /** The worker of this node, once the server has started; one per JVM, as Keycloak's own timers are. */
    private static volatile OutboxWorker running;

    private final KeycloakSessionFactory factory;
    private final Map<String, OutboxHandler> handlers;
    private final Limits limits;
    private final Executor executor;

    private OutboxWorker(KeycloakSessionFactory factory, List<OutboxHandler> handlers, Limits limits,
            Executor executor) {
        this.factory = factory;
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(OutboxHandler::kind,
                Function.identity()));
        this.limits = limits;
        this.executor = executor;
    }

    /** Starts this node's worker with the handlers of every kind of message. */
    public static void start(KeycloakSessionFactory factory, List<OutboxHandler> handlers) {
        Limits limits = Limits.of(factory);
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            OutboxWorker worker = new OutboxWorker(factory, handlers, limits,
                    session.getProvider(ExecutorsProvider.class).getExecutor(NAME));
            // The timer's thread is shared with Keycloak's own tasks: it only hands the work over.
            session.getProvider(TimerProvider.class).schedule(() -> worker.executor.execute(worker::attemptDue),
                    limits.outboxPollSeconds() * 1000L, NAME);
            running = worker;
        });
    }

    /**
     * The wait after the {@code attempts}-th failed attempt: the first retry wait, doubled per further
     * failure, and never longer than {@code maxRetrySeconds}.
     */
    static long retryDelayMillis(int attempts, int retrySeconds, int maxRetrySeconds) {
        // 20 doublings keep the shift far from overflowing a long, whatever the options.
        int doublings = Math.min(Math.max(attempts - 1, 0), 20);
        return Math.min(retrySeconds * 1000L << doublings, maxRetrySeconds * 1000L);
    }

    static void attemptSoon(String id) {
        OutboxWorker worker = running;
        if (worker != null) {
            worker.executor.execute(() -> worker.claimAndAttempt(id));
        }
    }

    private void claimAndAttempt(String id) {
        try {
            long now = System.currentTimeMillis();
            if (KeycloakModelUtils.runJobInTransactionWithResult(factory,
                    session -> repository(session).claim(id, now, leaseEnd(now)))) {
                attempt(id);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Outbox message %s could not be attempted now; the next poll takes it up", id);
        }
    }

    /**
     * Claims and attempts due messages until none is due: a delivered message of a channel makes
     * the channel's next one due at once, so an ordered run goes out without a poll's wait each.
     */
    private void attemptDue() {
        try {
            long started = System.currentTimeMillis();
            KeycloakModelUtils.runJobInTransaction(factory, session -> repository(session)
                    .purgeSettled(started - limits.outboxRetentionDays() * 86_400_000L));
            List<String> claimed;
            do {
                long now = System.currentTimeMillis();
                claimed = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                        session -> repository(session).claimDue(now, leaseEnd(now), limits.outboxBatch()));
                claimed.forEach(this::attempt);
            } while (!claimed.isEmpty());
        } catch (RuntimeException e) {
            LOG.warnf(e, "The outbox poll failed; the next one tries again");
        }
    }

    private void attempt(String id) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> attempt(session, id));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Outbox message %s: the outcome of its attempt could not be recorded; it is tried again"
                    + " once its lease ends", id);
        }
    }

    private void attempt(KeycloakSession session, String id) {
        OutboxEntity message = repository(session).find(id);
        if (message == null || message.getStatus() != OutboxStatus.PENDING) {
            return;
        }
        RealmModel realm = session.realms().getRealm(message.getRealmId());
        session.getContext().setRealm(realm);
        OutboxHandler handler = handlers.get(message.getKind());
        long now = System.currentTimeMillis();
        message.setAttempts(message.getAttempts() + 1);
        message.setLeaseUntil(null);
        try {
            if (handler == null) {
                throw new IllegalStateException("No handler for outbox messages of kind " + message.getKind());
            }
            boolean delivered = handler.deliver(session, realm, message);
            message.setStatus(delivered ? OutboxStatus.SENT : OutboxStatus.OBSOLETE);
            message.setSentAt(delivered ? now : null);
        } catch (Exception failed) {
            boolean givenUp = message.getAttempts() >= limits.outboxAttempts();
            String error = String.valueOf(failed.getMessage());
            message.setLastError(error.length() > 1000 ? error.substring(0, 1000) : error);
            if (givenUp) {
                message.setStatus(OutboxStatus.FAILED);
                LOG.warnf("Outbox message %s (%s) failed %d times and is given up: %s", id, message.getKind(),
                        message.getAttempts(), error);
            } else {
                message.setNextAttemptAt(now + retryDelayMillis(message.getAttempts(), limits.outboxRetrySeconds(),
                        limits.outboxMaxRetrySeconds()));
                LOG.debugf("Outbox message %s (%s) failed attempt %d: %s", id, message.getKind(),
                        message.getAttempts(), error);
            }
            if (handler != null) {
                handler.attemptFailed(session, realm, message, givenUp);
            }
        }
    }

    private long leaseEnd(long now) {
        return now + limits.outboxLeaseSeconds() * 1000L;
    }

    private static OutboxRepository repository(KeycloakSession session) {
        return new OutboxRepository(Jpa.entityManager(session));
    }
}
