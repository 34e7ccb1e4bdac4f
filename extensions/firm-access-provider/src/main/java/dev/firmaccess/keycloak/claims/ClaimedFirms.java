package dev.firmaccess.keycloak.claims;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.organization.protocol.mappers.oidc.OrganizationScope;

/**
 * Which firms the claim covers. Without an {@code organization} scope in the request: every
 * enabled firm of the user. With one, exactly the firms Keycloak's own organization membership
 * mapper would name: the organization already chosen in this request, else the scope's
 * resolution ({@code organization:{alias}} one firm, {@code organization:*} all,
 * {@code organization} the only one or the one the user picked at login).
 */
final class ClaimedFirms {

    private ClaimedFirms() {
    }

    static List<OrganizationModel> of(KeycloakSession session, UserModel user, ClientSessionContext clientSession) {
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        if (organizations == null || !organizations.isEnabled()) {
            return List.of();
        }
        String scopes = clientSession.getScopeString(true);
        OrganizationScope scope = OrganizationScope.valueOfScope(session, scopes);
        Stream<OrganizationModel> firms;
        if (scope == null) {
            firms = organizations.getByMember(user);
        } else if (session.getContext().getOrganization() != null) {
            firms = Stream.of(session.getContext().getOrganization());
        } else {
            firms = scope.resolveOrganizations(user, scopes, session);
        }
        // The membership lookup answers from Keycloak's user cache and leaves there the entry that
        // also says whether the membership is managed. Keycloak asks that for each firm of a cached
        // user on every request and, without the entry, asks the database (once per firm and request).
        return firms.filter(OrganizationModel::isEnabled)
                .filter(firm -> organizations.isMember(firm, user))
                .sorted(Comparator.comparing(OrganizationModel::getAlias))
                .toList();
    }
}
