package dev.firmaccess.keycloak.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.firm.ActingAs;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmPermission;
import dev.firmaccess.keycloak.portal.PortalCsv.Row;
import dev.firmaccess.keycloak.portal.PortalImportStatus.Outcome;
import dev.firmaccess.keycloak.storage.Jpa;
import jakarta.persistence.EntityManager;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.util.JsonSerialization;

/**
 * Portal CSV imports too large to answer at once: the upload is read in the request (so its size
 * and row limits answer at once), stored, and imported after the request commits, on an executor
 * of Keycloak's, by {@link PortalImportRun}. Anyone may ask for its status on any node: the one who
 * started it, or whoever may see the whole firm. An import whose progress stopped for longer than
 * the operator's limit (its node stopped) is reported, and kept, as failed; nothing of it was written.
 */
public final class PortalImportJobs {

    /** The name of the executor in Keycloak's executors provider. */
    static final String EXECUTOR = "firm-access-portal-import";

    private final FirmContext context;
    private final EntityManager em;

    public PortalImportJobs(FirmContext context) {
        this.context = context;
        this.em = Jpa.entityManager(context.session());
    }

    /**
     * Whether an upload of this many rows runs after its request rather than within it: staff's
     * only, since a realm administrator's rights come from the request's token (see
     * {@link dev.firmaccess.keycloak.firm.FirmContexts#resume}).
     */
    public boolean runsLater(int rows, boolean askedForLater) {
        return (askedForLater || rows > context.limits().csvSyncRows()) && context.actor().staffRole().isPresent();
    }

    /**
     * Stores the upload and starts it once this request's transaction has committed.
     *
     * @throws PortalCsv.Unreadable when the upload is no CSV this import reads, or too large
     */
    public PortalImportStatus start(String csv, List<Row> rows) {
        long now = System.currentTimeMillis();
        ActingAs actor = context.actingAs();
        PortalImportEntity job = new PortalImportEntity();
        job.placeNew(context.realm().getId(), context.firm().getId());
        job.setActorId(actor.userId());
        job.setActorClientId(actor.clientId());
        job.setRemoteAddress(context.session().getContext().getConnection().getRemoteAddr());
        job.setBaseUri(context.session().getContext().getUri().getBaseUri().toString());
        job.setState(PortalImportState.QUEUED);
        job.setRowsTotal(rows.size());
        job.setCsv(csv);
        job.setCreatedAt(now);
        job.setUpdatedAt(now);
        em.persist(job);
        KeycloakSessionFactory factory = context.session().getKeycloakSessionFactory();
        ExecutorService executor = context.session().getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR);
        String id = job.getId();
        context.session().getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                executor.execute(() -> new PortalImportRun(factory, id).run());
            }

            @Override
            protected void rollbackImpl() {
                // Never stored, so there is nothing to run.
            }
        });
        return status(job);
    }

    /** The status of an import of this firm; another person's import is a 404 unless the actor sees the whole firm. */
    public PortalImportStatus status(String id) {
        PortalImportEntity job = id == null ? null : em.find(PortalImportEntity.class, id);
        if (job == null || !job.getOrganizationId().equals(context.firm().getId())
                || !(job.getActorId().equals(context.actingAs().userId())
                        || context.actor().may(FirmPermission.VIEW_ALL))) {
            throw FirmAccessException.notFound("Import not found");
        }
        long now = System.currentTimeMillis();
        long staleSince = now - context.limits().csvImportStaleSeconds() * 1000L;
        if (job.getState().running() && job.getUpdatedAt() < staleSince) {
            // Only if it is still stale when written: an import that finished meanwhile keeps its outcome.
            em.createQuery("update PortalImportEntity j set j.state = :failed, j.csv = null, j.result = :result,"
                            + " j.updatedAt = :now where j.id = :id and j.state in :running and j.updatedAt < :staleSince")
                    .setParameter("failed", PortalImportState.FAILED)
                    .setParameter("result", write(new Outcome(null, null, "interrupted", "The import made no progress for "
                            + context.limits().csvImportStaleSeconds() + " seconds (its server stopped); nothing was"
                            + " imported. Upload the file again")))
                    .setParameter("now", now)
                    .setParameter("id", job.getId())
                    .setParameter("running", PortalImportState.RUNNING)
                    .setParameter("staleSince", staleSince)
                    .executeUpdate();
            em.refresh(job);
        }
        return status(job);
    }

    static PortalImportStatus status(PortalImportEntity job) {
        Outcome outcome = job.getResult() == null ? new Outcome(null, null, null, null) : read(job.getResult());
        return new PortalImportStatus(job.getId(), job.getState().value(), job.getRowsTotal(), job.getRowsDone(),
                job.getCreatedAt(), job.getState().running() ? null : job.getUpdatedAt(), outcome.memberships(),
                outcome.rows(), outcome.error(), outcome.errorDescription());
    }

    /** Ends a job with its outcome; the upload is no longer needed. */
    static void finish(PortalImportEntity job, PortalImportState state, Outcome outcome) {
        job.setState(state);
        job.setCsv(null);
        job.setResult(write(outcome));
        job.setUpdatedAt(System.currentTimeMillis());
    }

    private static Outcome read(String json) {
        try {
            return JsonSerialization.mapper.readValue(json, Outcome.class);
        } catch (JsonProcessingException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static String write(Outcome outcome) {
        try {
            return JsonSerialization.mapper.writeValueAsString(Objects.requireNonNull(outcome));
        } catch (JsonProcessingException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }
}
