package dev.firmaccess.keycloak.claims;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One firm in the {@code firm_access} claim. {@code businesses} is {@code "*"} for owners and
 * admins, who reach every business, and otherwise a list of {@link BusinessClaim}s that stops at
 * the cap; {@code businessesCapped} then tells apps to ask the evaluation API for the rest. Both
 * are left out of the ID token's copy.
 */
@JsonPropertyOrder({"id", "alias", "name", "role", "roleLabel", "programmaticAccess", "businesses", "businessesCapped"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FirmClaim(String id, String alias, String name, String role, String roleLabel,
        boolean programmaticAccess, Object businesses, Boolean businessesCapped) {

    public static final String ALL_BUSINESSES = "*";

    FirmClaim withoutBusinesses() {
        return new FirmClaim(id, alias, name, role, roleLabel, programmaticAccess, null, null);
    }

    /** A business a member reaches, at their effective level on it. */
    public record BusinessClaim(String id, String level) {
    }
}
