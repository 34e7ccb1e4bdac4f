package dev.firmaccess.keycloak.claims;

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
 * memberships of enabled firms and non-archived businesses; an empty array for none. One indexed
 * query per token response, whatever the number of token types it maps into. See docs/claims.md.
 */
public final class FirmPortalClaimMapper extends JsonClaimMapper {

    public static final String PROVIDER_ID = "firm-portal-claim-mapper";
    static final String DEFAULT_CLAIM_NAME = "firm_portal";

    public FirmPortalClaimMapper() {
        super(DEFAULT_CLAIM_NAME, List.of());
    }

    @Override
    protected Object value(KeycloakSession session, UserModel user, Map<String, String> config,
            ClientSessionContext clientSession) {
        PortalReach reach = new PortalReach(session.getProvider(JpaConnectionProvider.class).getEntityManager());
        List<PortalReach.Workspace> workspaces = reach.workspacesOf(session.getContext().getRealm().getId(),
                user.getId());
        if (workspaces.isEmpty()) {
            return List.of();
        }
        return PortalClaim.of(workspaces, new PortalWorkspaces(session)::enabledFirm);
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
