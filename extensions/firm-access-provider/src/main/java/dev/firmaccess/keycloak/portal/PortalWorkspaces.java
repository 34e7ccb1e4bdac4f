package dev.firmaccess.keycloak.portal;

import dev.firmaccess.keycloak.portal.PortalViews.BusinessRef;
import dev.firmaccess.keycloak.portal.PortalViews.FirmRef;
import dev.firmaccess.keycloak.portal.PortalViews.Workspace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * A portal user's own workspaces: their active memberships in enabled firms and active
 * businesses. Staff roles play no part here, as portal access plays none in staff access. The
 * memberships and their businesses come in the one query the {@code firm_portal} claim uses, and
 * each firm is looked up once, so the cost does not grow with the number of workspaces.
 */
public final class PortalWorkspaces {

    private final KeycloakSession session;

    public PortalWorkspaces(KeycloakSession session) {
        this.session = session;
    }

    public List<Workspace> of(UserModel user) {
        List<PortalReach.Workspace> reached = new PortalReach(session.getProvider(JpaConnectionProvider.class)
                .getEntityManager()).workspacesOf(session.getContext().getRealm().getId(), user.getId());
        // Per request only: a portal user's memberships usually name few firms, each looked up once.
        Map<String, Optional<OrganizationModel>> firms = new HashMap<>();
        return reached.stream()
                .flatMap(workspace -> firms.computeIfAbsent(workspace.firmId(), this::enabledFirm).stream()
                        .map(firm -> new Workspace(new FirmRef(firm.getId(), firm.getAlias(), firm.getName()),
                                new BusinessRef(workspace.businessId(), workspace.businessName()),
                                workspace.role().wireName(), workspace.level())))
                .toList();
    }

    /** The firm of the organization id, when it exists and is enabled: the claim leaves out the others too. */
    public Optional<OrganizationModel> enabledFirm(String organizationId) {
        return Optional.ofNullable(session.getProvider(OrganizationProvider.class).getById(organizationId))
                .filter(OrganizationModel::isEnabled);
    }
}
