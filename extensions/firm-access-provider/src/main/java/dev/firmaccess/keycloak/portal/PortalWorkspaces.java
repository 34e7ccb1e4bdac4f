package dev.firmaccess.keycloak.portal;

import dev.firmaccess.keycloak.access.BusinessEntity;
import dev.firmaccess.keycloak.access.BusinessRepository;
import dev.firmaccess.keycloak.portal.PortalViews.BusinessRef;
import dev.firmaccess.keycloak.portal.PortalViews.FirmRef;
import dev.firmaccess.keycloak.portal.PortalViews.Workspace;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * A portal user's own workspaces: their active memberships in enabled firms and active
 * businesses. Staff roles play no part here, as portal access plays none in staff access.
 */
public final class PortalWorkspaces {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EntityManager em;

    public PortalWorkspaces(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    public List<Workspace> of(UserModel user) {
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        BusinessRepository businesses = new BusinessRepository(em);
        // Per request only: a portal user's memberships usually name few firms, each looked up once.
        Map<String, Optional<OrganizationModel>> firms = new HashMap<>();
        List<Workspace> workspaces = new ArrayList<>();
        for (PortalMembershipEntity membership : new PortalMembershipRepository(em).activeForUser(realm.getId(),
                user.getId())) {
            Optional<OrganizationModel> firm = firms.computeIfAbsent(membership.getOrganizationId(),
                    id -> Optional.ofNullable(organizations.getById(id)).filter(OrganizationModel::isEnabled));
            Optional<BusinessEntity> business = businesses.findActiveInRealm(realm.getId(), membership.getBusinessId())
                    .filter(found -> found.getOrganizationId().equals(membership.getOrganizationId()));
            if (firm.isPresent() && business.isPresent()) {
                workspaces.add(new Workspace(
                        new FirmRef(firm.get().getId(), firm.get().getAlias(), firm.get().getName()),
                        new BusinessRef(business.get().getId(), business.get().getName()),
                        membership.getRole().wireName(), membership.getAccessLevel()));
            }
        }
        return workspaces;
    }
}
