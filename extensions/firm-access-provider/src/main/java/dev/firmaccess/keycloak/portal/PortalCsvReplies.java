package dev.firmaccess.keycloak.portal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.portal.PortalCsv.RowError;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The HTTP answers of the CSV endpoints: the import's outcome and the export's download, which the
 * firm console offers too.
 */
public final class PortalCsvReplies {

    static final String CSV = "text/csv; charset=UTF-8";

    private PortalCsvReplies() {
    }

    /**
     * The error shape of a refused import: the usual {@code error} and {@code error_description}
     * plus every bad row, so that the whole file can be fixed in one go.
     */
    record ImportErrors(@JsonProperty("error") String error,
            @JsonProperty("error_description") String errorDescription, @JsonProperty("rows") List<RowError> rows) {
    }

    static Response imported(PortalImport portalImport, String body) {
        PortalImport.Result result;
        try {
            result = portalImport.run(body);
        } catch (PortalCsv.Unreadable unreadable) {
            throw unreadable.tooLarge()
                    ? FirmAccessException.tooLarge(unreadable.getMessage())
                    : FirmAccessException.badInput(unreadable.getMessage());
        }
        if (!result.errors().isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ImportErrors("invalid_request", result.refusal(), result.errors()))
                    .build();
        }
        return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(result.created()).build();
    }

    /** The firm's portal users (of one business, when named) as a CSV download named after the firm. */
    public static Response export(FirmContext context, String business) {
        return Response.ok(new PortalExport(context).csv(business), CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"portal-users-" + context.firm().getAlias() + ".csv\"")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
