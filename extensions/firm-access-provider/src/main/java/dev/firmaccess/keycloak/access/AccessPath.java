package dev.firmaccess.keycloak.access;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One reason a staff member reaches a business: their role, a direct grant, or a team's grant. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessPath(String type, String label, String level, String role, String teamId, String teamName) {

    public static AccessPath role(String role, String level) {
        return new AccessPath("role", "role:" + role, level, role, null, null);
    }

    public static AccessPath direct(String level) {
        return new AccessPath("direct", "direct", level, null, null, null);
    }

    public static AccessPath team(String teamId, String teamName, String level) {
        return new AccessPath("team", "team:" + teamName, level, null, teamId, teamName);
    }
}
