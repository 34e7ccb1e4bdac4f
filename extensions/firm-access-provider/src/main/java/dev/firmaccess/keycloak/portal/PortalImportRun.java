package dev.firmaccess.keycloak.portal;

import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.firm.ActingAs;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmContexts;
import dev.firmaccess.keycloak.portal.PortalImportStatus.Outcome;
import dev.firmaccess.keycloak.storage.Jpa;
import dev.firmaccess.keycloak.web.DetachedRequest;
import dev.firmaccess.keycloak.web.ErrorResponses;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;

/**
 * One stored import, run on Keycloak's executor after the request that stored it committed. The
 * import itself is the request's import, all or nothing, in one transaction that also records the
 * outcome; its progress is written in short transactions of their own, so that any node can show it
 * while the import's transaction is still open.
 */
final class PortalImportRun {

    private static final Logger LOG = Logger.getLogger(PortalImportRun.class);
    /** How often, at most, the progress is written while rows go by. */
    private static final long PROGRESS_EVERY_MILLIS = 500;

    private final KeycloakSessionFactory factory;
    private final String jobId;
    private long progressWrittenAt;
    private PortalImportState phaseWritten = PortalImportState.CHECKING;

    PortalImportRun(KeycloakSessionFactory factory, String jobId) {
        this.factory = factory;
        this.jobId = jobId;
    }

    void run() {
        if (!moved(PortalImportState.QUEUED, PortalImportState.CHECKING, 0)) {
            return;
        }
        try {
            KeycloakModelUtils.runJobInTransaction(factory, this::importRows);
        } catch (RuntimeException failed) {
            String error = failed instanceof FirmAccessException refused ? ErrorResponses.error(refused.kind()) : "failed";
            String description = failed instanceof FirmAccessException refused ? refused.description()
                    : "The import stopped with an error of the server; nothing was imported";
            if (!(failed instanceof FirmAccessException)) {
                LOG.warnf(failed, "Portal import %s failed; nothing of it was imported", jobId);
            }
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                PortalImportEntity job = Jpa.entityManager(session).find(PortalImportEntity.class, jobId);
                if (job != null && job.getState().running()) {
                    PortalImportJobs.finish(job, PortalImportState.FAILED, new Outcome(null, null, error, description));
                }
            });
        }
    }

    private void importRows(KeycloakSession session) {
        EntityManager em = Jpa.entityManager(session);
        PortalImportEntity job = em.find(PortalImportEntity.class, jobId);
        RealmModel realm = session.realms().getRealm(job.getRealmId());
        session.getContext().setRealm(realm);
        DetachedRequest.attach(session, job.getBaseUri(), job.getRemoteAddress());
        OrganizationModel firm = session.getProvider(OrganizationProvider.class).getById(job.getOrganizationId());
        if (firm == null) {
            throw FirmAccessException.notFound("Firm not found");
        }
        FirmContext context = FirmContexts.resume(session, firm,
                new ActingAs(job.getActorId(), job.getActorClientId()));
        List<PortalCsv.Row> rows = PortalCsv.read(job.getCsv(), context.limits());
        PortalImport.Result result = new PortalImport(context).run(rows, this::progress);
        em.refresh(job);
        if (!job.getState().running()) {
            // Given up as stale while it ran: its status says nothing was imported, so nothing may be.
            throw new IllegalStateException("Portal import " + jobId + " was given up while it ran");
        }
        job.setRowsDone(result.rows());
        if (result.errors().isEmpty()) {
            PortalImportJobs.finish(job, PortalImportState.IMPORTED, new Outcome(result.created(), null, null, null));
        } else {
            PortalImportJobs.finish(job, PortalImportState.REFUSED,
                    new Outcome(null, result.errors(), "invalid_request", result.refusal()));
        }
    }

    private void progress(PortalImportState phase, int rowsDone) {
        long now = System.currentTimeMillis();
        if (phase != phaseWritten || now - progressWrittenAt >= PROGRESS_EVERY_MILLIS) {
            progressWrittenAt = now;
            phaseWritten = phase;
            moved(null, phase, rowsDone);
        }
    }

    /**
     * Writes the phase and rows done in a transaction of its own, if the job is still running (and,
     * with {@code from}, in that state): a job given up as stale stays failed.
     */
    private boolean moved(PortalImportState from, PortalImportState to, int rowsDone) {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> Jpa.entityManager(session)
                .createQuery("update PortalImportEntity j set j.state = :to, j.rowsDone = :done, j.updatedAt = :now"
                        + " where j.id = :id and j.state in :from")
                .setParameter("to", to)
                .setParameter("done", rowsDone)
                .setParameter("now", System.currentTimeMillis())
                .setParameter("id", jobId)
                .setParameter("from", from == null
                        ? List.of(PortalImportState.CHECKING, PortalImportState.IMPORTING) : List.of(from))
                .executeUpdate() == 1);
    }
}
