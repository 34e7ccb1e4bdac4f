package dev.firmaccess.keycloak.portal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.firmaccess.keycloak.portal.PortalCsv.RowError;
import dev.firmaccess.keycloak.web.ApiErrors;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The HTTP answers of the CSV endpoints: the import's outcome and the export's download. */
final class PortalCsvReplies {

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
        List<PortalCsv.Row> rows;
        try {
            rows = PortalCsv.read(body);
        } catch (PortalCsv.Unreadable unreadable) {
            throw unreadable.tooLarge()
                    ? ApiErrors.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "invalid_request",
                            unreadable.getMessage())
                    : ApiErrors.badRequest(unreadable.getMessage());
        }
        PortalImport.Result result = portalImport.run(rows);
        if (!result.errors().isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ImportErrors("invalid_request", result.errors().size() + " of " + rows.size()
                            + " rows are invalid; nothing was imported", result.errors()))
                    .build();
        }
        return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(result.created()).build();
    }

    static Response csv(String content, String fileName) {
        return Response.ok(content, CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .build();
    }
}
