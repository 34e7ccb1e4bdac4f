package dev.firmaccess.keycloak.portal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.keycloak.models.OrganizationModel;

/**
 * The {@code firm_portal} claim: per firm, the workspaces the user reaches as a portal user; the ID
 * token's copy names the firms only. Documented in docs/claims.md.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PortalClaim(String id, String alias, String name, List<WorkspaceClaim> workspaces) {

    public PortalClaim withoutWorkspaces() {
        return new PortalClaim(id, alias, name, null);
    }

    public record WorkspaceClaim(String id, String name, String role, String level) {
    }

    /**
     * Groups workspaces (ordered by firm) into one entry per enabled firm; {@code firms} answers
     * empty for a firm that is gone or disabled, whose workspaces are then left out.
     */
    public static List<PortalClaim> of(List<PortalReach.Workspace> workspaces,
            Function<String, Optional<OrganizationModel>> firms) {
        Map<String, List<WorkspaceClaim>> byFirm = new LinkedHashMap<>();
        for (PortalReach.Workspace workspace : workspaces) {
            byFirm.computeIfAbsent(workspace.firmId(), id -> new ArrayList<>()).add(new WorkspaceClaim(
                    workspace.businessId(), workspace.businessName(), workspace.role().wireName(), workspace.level()));
        }
        List<PortalClaim> claims = new ArrayList<>();
        byFirm.forEach((firmId, entries) -> firms.apply(firmId).ifPresent(firm -> claims.add(
                new PortalClaim(firm.getId(), firm.getAlias(), firm.getName(), List.copyOf(entries)))));
        return claims;
    }
}
