package dev.firmaccess.keycloak.portal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.firmaccess.keycloak.portal.PortalCsv.RowError;
import dev.firmaccess.keycloak.portal.PortalViews.PortalMembership;
import java.util.List;

/**
 * Where an import that runs after its request stands: {@code rowsDone} of {@code rowsTotal} in the
 * current phase ({@code checking}, then {@code importing}); once finished, the memberships in row
 * order ({@code imported}), every bad row ({@code refused}), or why it stopped ({@code failed}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PortalImportStatus(String id, String state, int rowsTotal, int rowsDone, long createdAt,
        Long finishedAt, List<PortalMembership> memberships, List<RowError> rows,
        @JsonProperty("error") String error, @JsonProperty("error_description") String errorDescription) {

    /** What a finished import keeps besides its counts, stored as JSON. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Outcome(List<PortalMembership> memberships, List<RowError> rows, @JsonProperty("error") String error,
            @JsonProperty("error_description") String errorDescription) {
    }

    public boolean finished() {
        return finishedAt != null;
    }
}
