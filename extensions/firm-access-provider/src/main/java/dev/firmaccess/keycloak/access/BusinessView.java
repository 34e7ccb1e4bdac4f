package dev.firmaccess.keycloak.access;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A business as the API shows it. {@code level} is the caller's effective level, shown to
 * members only: owners and admins reach every business at full access.
 */
public record BusinessView(String id, String name, String externalRef, boolean archived, String createdBy,
        long createdAt, @JsonInclude(JsonInclude.Include.NON_NULL) String level) {

    static BusinessView of(BusinessEntity business, String level) {
        return new BusinessView(business.getId(), business.getName(), business.getExternalRef(), business.isArchived(),
                business.getCreatedBy(), business.getCreatedAt(), level);
    }
}
