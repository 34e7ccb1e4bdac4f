package dev.firmaccess.keycloak.portal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.keycloak.models.OrganizationModel;

/**
 * The {@code firm_portal} claim: per firm, the workspaces the user reaches as a portal user, at most
 * a cap of them for all firms together ({@code workspacesCapped} tells that a firm's list was cut);
 * the ID token's copy names the firms only. Documented in docs/claims.md.
 */
@JsonPropertyOrder({"id", "alias", "name", "workspaces", "workspacesCapped"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PortalClaim(String id, String alias, String name, List<WorkspaceClaim> workspaces,
        Boolean workspacesCapped) {

    public PortalClaim withoutWorkspaces() {
        return new PortalClaim(id, alias, name, null, null);
    }

    public record WorkspaceClaim(String id, String name, String role, String level) {
    }

    /**
     * Groups workspaces (ordered by firm) into one entry per enabled firm, listing at most {@code cap}
     * workspaces in all, firm after firm; a firm keeps its entry when its list is cut or empty.
     * {@code firms} answers empty for a firm that is gone or disabled, whose workspaces are then left out.
     */
    public static List<PortalClaim> of(List<PortalReach.Workspace> workspaces,
            Function<String, Optional<OrganizationModel>> firms, int cap) {
        Map<String, List<WorkspaceClaim>> byFirm = new LinkedHashMap<>();
        for (PortalReach.Workspace workspace : workspaces) {
            byFirm.computeIfAbsent(workspace.firmId(), id -> new ArrayList<>()).add(new WorkspaceClaim(
                    workspace.businessId(), workspace.businessName(), workspace.role().wireName(), workspace.level()));
        }
        List<PortalClaim> claims = new ArrayList<>();
        int budget = cap;
        for (Map.Entry<String, List<WorkspaceClaim>> entries : byFirm.entrySet()) {
            Optional<OrganizationModel> firm = firms.apply(entries.getKey());
            if (firm.isPresent()) {
                List<WorkspaceClaim> all = entries.getValue();
                List<WorkspaceClaim> listed = List.copyOf(all.subList(0, Math.min(budget, all.size())));
                budget -= listed.size();
                claims.add(new PortalClaim(firm.get().getId(), firm.get().getAlias(), firm.get().getName(), listed,
                        listed.size() < all.size()));
            }
        }
        return claims;
    }
}
