package dev.firmaccess.keycloak.access;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One reason someone reaches a business: a staff role, a direct grant, a team's grant, or a portal membership. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessPath(String type, String label, String level, String role, String teamId, String teamName) {

    public static AccessPath role(String role, String level) {
        return new AccessPath("role", "role:" + role, level, role, null, null);
    }

    public static AccessPath direct(String level) {
        return new AccessPath("direct", "direct", level, null, null, null);
    }

    /** A portal user's membership of a business workspace, with its portal role (owner or guest). */
    public static AccessPath portal(String portalRole, String level) {
        return new AccessPath("portal", "portal:" + portalRole, level, portalRole, null, null);
    }

    public static AccessPath team(String teamId, String teamName, String level) {
        return new AccessPath("team", "team:" + teamName, level, null, teamId, teamName);
    }
}
