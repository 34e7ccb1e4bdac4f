package dev.firmaccess.keycloak.claims;

import dev.firmaccess.keycloak.firm.StaffAccessCache;
import dev.firmaccess.keycloak.portal.PortalClaim;
import dev.firmaccess.keycloak.portal.PortalReach;
import dev.firmaccess.keycloak.portal.PortalWorkspaces;
import java.util.List;
import java.util.Map;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * The {@code firm_portal} claim: the workspaces of a portal user, per firm, from their active
 * memberships of enabled firms and non-archived businesses, at most the mapper's cap of them; an
 * empty array for none. The memberships are read in one indexed query and kept with the user in
 * {@link StaffAccessCache}, which every change of a membership or of its business evicts, so the
 * refresh of a cached user asks the database nothing for this claim. See docs/claims.md.
 */
public final class FirmPortalClaimMapper extends JsonClaimMapper {

    public static final String PROVIDER_ID = "firm-portal-claim-mapper";
    static final String DEFAULT_CLAIM_NAME = "firm_portal";

    public FirmPortalClaimMapper() {
        super(DEFAULT_CLAIM_NAME, List.of(ClaimConfig.capProperty(ClaimConfig.WORKSPACE_CAP, "Workspace cap",
                "At most this many workspaces are listed, all firms together; a cut list says workspacesCapped."
                + " Empty: " + ClaimConfig.DEFAULT_WORKSPACE_CAP + ".")));
    }

    @Override
    protected Object value(KeycloakSession session, UserModel user, Map<String, String> config,
            ClientSessionContext clientSession) {
        List<PortalReach.Workspace> workspaces = StaffAccessCache.remembered(user, "portal",
                () -> new PortalReach(session.getProvider(JpaConnectionProvider.class).getEntityManager())
                        .workspacesOf(session.getContext().getRealm().getId(), user.getId()));
        if (workspaces.isEmpty()) {
            return List.of();
        }
        return PortalClaim.of(workspaces, new PortalWorkspaces(session)::enabledFirm,
                ClaimConfig.workspaceCap(config));
    }

    /** The cap changes how many workspaces the claim lists. */
    @Override
    protected String variant(Map<String, String> config, ClientSessionContext clientSession) {
        return Integer.toString(ClaimConfig.workspaceCap(config));
    }

    /** The ID token names the firms of the user's workspaces; the workspaces stay in the access token. */
    @Override
    protected Object forIdToken(Object value) {
        return ((List<?>) value).stream().map(firm -> ((PortalClaim) firm).withoutWorkspaces()).toList();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Firm portal workspaces";
    }

    @Override
    public String getHelpText() {
        return "Adds the client-portal workspaces of the user, per firm, with role and level (see docs/claims.md).";
    }
}
