package dev.firmaccess.keycloak.firm;

import dev.firmaccess.keycloak.web.ApiErrors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.organization.OrganizationProvider;

/** Resolves the {firm} path segment, an organization id or alias, within the current realm. */
public final class FirmLocator {

    private FirmLocator() {
    }

    public static OrganizationModel require(KeycloakSession session, String idOrAlias) {
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        if (organizations == null || !organizations.isEnabled()) {
            throw ApiErrors.notFound("Organizations are not enabled in this realm");
        }
        OrganizationModel firm = organizations.getById(idOrAlias);
        if (firm == null) {
            firm = organizations.getByAlias(idOrAlias);
        }
        if (firm == null) {
            throw ApiErrors.notFound("Firm not found");
        }
        return firm;
    }
}
