package dev.firmaccess.keycloak.portal;

import dev.firmaccess.keycloak.access.AccessLevels;
import dev.firmaccess.keycloak.access.BusinessEntity;
import dev.firmaccess.keycloak.access.BusinessRepository;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.mail.Invitee;
import dev.firmaccess.keycloak.mailquota.MailQuota;
import dev.firmaccess.keycloak.metrics.FirmAccessMetrics;
import dev.firmaccess.keycloak.portal.PortalCsv.Row;
import dev.firmaccess.keycloak.portal.PortalCsv.RowError;
import dev.firmaccess.keycloak.portal.PortalViews.PortalMembership;
import dev.firmaccess.keycloak.storage.Jpa;
import dev.firmaccess.keycloak.web.Validation;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Bulk invitations from a CSV upload, one row per person and business, all or nothing: every row
 * is checked against the firm first, and a single bad row means nothing is created and every bad
 * row is named. Good uploads go through the same provisioning as the invite endpoint, in the one
 * transaction of the request, with one mail and one link per address for all its workspaces.
 */
public final class PortalImport {

    private final FirmContext context;
    private final BusinessRepository businesses;
    private final AccessLevels levels;
    private final PortalService portal;
    private final PortalAccess access;
    private final Map<String, Optional<BusinessEntity>> managed = new HashMap<>();

    public PortalImport(FirmContext context) {
        this.context = context;
        EntityManager em = Jpa.entityManager(context.session());
        this.businesses = new BusinessRepository(em);
        this.levels = AccessLevels.of(context);
        this.portal = new PortalService(context);
        this.access = new PortalAccess(context);
    }

    /**
     * The outcome: the created memberships, or the errors of the rows (then nothing was created);
     * {@code rows} is how many rows the upload had.
     */
    public record Result(int rows, List<PortalMembership> created, List<RowError> errors) {

        /** Why nothing was imported, e.g. "2 of 40 rows are invalid; nothing was imported". */
        public String refusal() {
            return errors.size() + " of " + rows + " rows are invalid; nothing was imported";
        }
    }

    /**
     * Imports an uploaded CSV, the REST upload and the console's form alike.
     *
     * @throws PortalCsv.Unreadable when the upload is no CSV this import reads, or too large
     */
    public Result run(String csv) {
        return run(PortalCsv.read(csv, context.limits()), Progress.UNWATCHED);
    }

    /** Told how many rows are done in each phase, so that an import after its request can show how far it got. */
    @FunctionalInterface
    public interface Progress {

        Progress UNWATCHED = (phase, rowsDone) -> {
        };

        void rowsDone(PortalImportState phase, int rowsDone);
    }

    /** Imports rows already read, telling {@code progress} of each row checked and each membership created. */
    public Result run(List<Row> rows, Progress progress) {
        Result result = checkAndCreate(rows, progress);
        FirmAccessMetrics.csvImport(result.errors().isEmpty(), result.rows());
        return result;
    }

    private Result checkAndCreate(List<Row> rows, Progress progress) {
        long now = System.currentTimeMillis();
        List<Checked> checked = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : rows) {
            try {
                Checked valid = check(row, now);
                Integer first = seen.putIfAbsent(valid.business().getId() + '/' + valid.invitee().email(), row.number());
                if (first != null) {
                    throw new RowProblem(valid.invitee().email() + " is already listed for this business in row "
                            + first);
                }
                checked.add(valid);
            } catch (RowProblem problem) {
                errors.add(new RowError(row.number(), problem.getMessage()));
            }
            progress.rowsDone(PortalImportState.CHECKING, checked.size() + errors.size());
        }
        if (!errors.isEmpty()) {
            return new Result(rows.size(), List.of(), errors);
        }
        return new Result(rows.size(), create(checked, now, progress), List.of());
    }

    private List<PortalMembership> create(List<Checked> rows, long now, Progress progress) {
        // One mail per address, for all its workspaces: counted before anything is created.
        MailQuota.of(context).spend((int) rows.stream().filter(Checked::send).map(row -> row.invitee().email())
                .distinct().count(), now);
        List<PortalMembershipEntity> created = new ArrayList<>();
        List<Map<String, Object>> before = new ArrayList<>();
        Map<String, List<PortalMembershipEntity>> toSend = new LinkedHashMap<>();
        for (Checked row : rows) {
            before.add(row.reused() == null ? null : PortalService.auditState(row.reused()));
            PortalMembershipEntity membership = portal.provision(row.reused(), row.business(), row.invitee(),
                    row.role(), row.level(), row.message(), now);
            if (row.send()) {
                toSend.computeIfAbsent(membership.getEmail(), email -> new ArrayList<>()).add(membership);
            }
            created.add(membership);
        }
        // A row is done once created and, if it is sent, mailed: the mails take the time.
        int done = created.size() - toSend.values().stream().mapToInt(List::size).sum();
        progress.rowsDone(PortalImportState.IMPORTING, done);
        for (List<PortalMembershipEntity> sameAddress : toSend.values()) {
            portal.deliver(sameAddress, now);
            done += sameAddress.size();
            progress.rowsDone(PortalImportState.IMPORTING, done);
        }
        for (int i = 0; i < created.size(); i++) {
            PortalMembershipEntity membership = created.get(i);
            context.audit().record("portal.imported", PortalMembershipRepository.TARGET, membership.getId(), before.get(i),
                    PortalService.auditState(membership));
        }
        return portal.views(created, now);
    }

    private Checked check(Row row, long now) {
        BusinessEntity business = business(row.get(PortalCsv.BUSINESS));
        String email = valid(() -> Invitee.email(row.get(PortalCsv.EMAIL)));
        Invitee invitee = new Invitee(email,
                valid(() -> Validation.optionalText(row.get(PortalCsv.FIRST_NAME), PortalCsv.FIRST_NAME)),
                valid(() -> Validation.optionalText(row.get(PortalCsv.LAST_NAME), PortalCsv.LAST_NAME)));
        PortalRole role = PortalRole.parse(row.get(PortalCsv.ROLE))
                .orElseThrow(() -> new RowProblem("'role' must be owner or guest"));
        String level = valid(() -> levels.require(row.get(PortalCsv.LEVEL)));
        String message = valid(() -> PortalPolicy.message(row.get(PortalCsv.MESSAGE)));
        Boolean send;
        try {
            send = PortalCsv.bool(row.get(PortalCsv.SEND));
        } catch (IllegalArgumentException bad) {
            throw new RowProblem(bad.getMessage());
        }
        boolean sent = send == null || send;
        valid(() -> {
            PortalPolicy.requireSendable(role, sent);
            return role;
        });
        PortalMembershipEntity existing = valid(() -> portal.requireFree(business, email, now));
        return new Checked(business, invitee, role, level, message, sent, existing);
    }

    /**
     * The business a row names by id or external reference, if the actor manages its portal. One the
     * actor may not manage reads as unknown, as everywhere; a refusal of the whole call (a realm
     * administrator without manage rights) still ends the request.
     */
    private BusinessEntity business(String reference) {
        if (reference == null) {
            throw new RowProblem("'business' is required");
        }
        BusinessEntity business = managed.computeIfAbsent(reference, this::managedBusiness)
                .orElseThrow(() -> new RowProblem("Business '" + reference + "' not found"));
        return valid(() -> PortalService.requireOpen(business));
    }

    private Optional<BusinessEntity> managedBusiness(String reference) {
        String firmId = context.firm().getId();
        Optional<BusinessEntity> named = businesses.find(firmId, reference)
                .or(() -> businesses.findByExternalRef(firmId, reference));
        if (named.isEmpty()) {
            return named;
        }
        try {
            return Optional.of(access.requireManaged(named.get().getId()));
        } catch (FirmAccessException refused) {
            if (refused.kind() == FirmAccessException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw refused;
        }
    }

    /** Runs one of the checks the invite endpoint shares, turning its refusal into this row's error. */
    private static <T> T valid(Supplier<T> check) {
        try {
            return check.get();
        } catch (FirmAccessException invalid) {
            throw new RowProblem(invalid.description());
        }
    }

    private record Checked(BusinessEntity business, Invitee invitee, PortalRole role, String level, String message,
            boolean send, PortalMembershipEntity reused) {
    }

    /** What is wrong with one row. */
    private static final class RowProblem extends RuntimeException {

        RowProblem(String message) {
            super(message, null, false, false);
        }
    }
}
