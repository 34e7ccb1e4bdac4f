package dev.firmaccess.keycloak.firm;

import dev.firmaccess.keycloak.core.FirmAccessException;
import java.util.Optional;
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
            throw FirmAccessException.notFound("Organizations are not enabled in this realm");
        }
        return find(organizations, idOrAlias).orElseThrow(() -> FirmAccessException.notFound("Firm not found"));
    }

    public static Optional<OrganizationModel> find(KeycloakSession session, String idOrAlias) {
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        if (organizations == null || !organizations.isEnabled()) {
            return Optional.empty();
        }
        return find(organizations, idOrAlias);
    }

    private static Optional<OrganizationModel> find(OrganizationProvider organizations, String idOrAlias) {
        OrganizationModel firm = organizations.getById(idOrAlias);
        return Optional.ofNullable(firm != null ? firm : organizations.getByAlias(idOrAlias));
    }
}
