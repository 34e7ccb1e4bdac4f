package dev.firmaccess.keycloak.portal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.portal.PortalCsv.RowError;
import dev.firmaccess.keycloak.web.Created;
import dev.firmaccess.keycloak.web.ErrorResponses;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/**
 * The HTTP answers of the CSV endpoints: the import's outcome and the export's download, which the
 * firm console offers too.
 */
public final class PortalCsvReplies {

    static final String CSV = "text/csv; charset=UTF-8";
    /** RFC 7240's preference for an answer before the work is done. */
    private static final String RESPOND_ASYNC = "respond-async";

    private PortalCsvReplies() {
    }

    /**
     * The error shape of a refused import: the usual {@code error}, {@code error_description} and
     * {@code code}, plus every bad row, so that the whole file can be fixed in one go.
     */
    record ImportErrors(@JsonProperty("error") String error,
            @JsonProperty("error_description") String errorDescription, @JsonProperty("code") String code,
            @JsonProperty("rows") List<RowError> rows) {
    }

    static Response imported(FirmContext context, String body, String prefer) {
        List<PortalCsv.Row> rows;
        try {
            rows = PortalCsv.read(body, context.limits());
        } catch (PortalCsv.Unreadable unreadable) {
            throw unreadable.tooLarge()
                    ? FirmAccessException.of(ErrorCode.CSV_TOO_LARGE, unreadable.getMessage())
                    : FirmAccessException.of(ErrorCode.INVALID_CSV, unreadable.getMessage());
        }
        boolean askedForLater = prefer != null && prefer.toLowerCase(Locale.ROOT).contains(RESPOND_ASYNC);
        PortalImportJobs jobs = new PortalImportJobs(context);
        if (jobs.runsLater(rows.size(), askedForLater)) {
            PortalImportStatus started = jobs.start(body, rows);
            Response.ResponseBuilder accepted = Response.accepted(started).type(MediaType.APPLICATION_JSON_TYPE)
                    .location(context.session().getContext().getUri().getAbsolutePathBuilder().path(started.id()).build());
            return (askedForLater ? accepted.header("Preference-Applied", RESPOND_ASYNC) : accepted).build();
        }
        PortalImport.Result result = new PortalImport(context).run(rows, PortalImport.Progress.UNWATCHED);
        if (!result.errors().isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ImportErrors(ErrorResponses.error(ErrorCode.INVALID_CSV.kind()), result.refusal(),
                            ErrorCode.INVALID_CSV.wireName(), result.errors()))
                    .build();
        }
        return Created.with(result.created());
    }

    /**
     * The firm's portal users (of one business, when named) as a CSV download named after the firm;
     * a list of people's names and addresses, so no browser or proxy keeps a copy.
     */
    public static Response export(FirmContext context, String business) {
        return Response.ok(new PortalExport(context).csv(business), CSV)
                .header("Cache-Control", "no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"portal-users-" + context.firm().getAlias() + ".csv\"")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
