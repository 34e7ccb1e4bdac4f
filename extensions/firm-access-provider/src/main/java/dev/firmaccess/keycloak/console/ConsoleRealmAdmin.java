package dev.firmaccess.keycloak.console;

import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmContexts;
import dev.firmaccess.keycloak.firm.FirmSummary;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.keycloak.OAuth2Constants;
import org.keycloak.common.util.SecretGenerator;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.protocol.oidc.encode.AccessTokenContext;
import org.keycloak.protocol.oidc.encode.TokenContextEncoderProvider;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;

/**
 * A console user who administers the realm. Whose realm-management roles let them view
 * organizations opens any firm of the realm, with the same organization permissions (view to
 * look, manage to change) and the same audit as the realm-admin API.
 */
final class ConsoleRealmAdmin {

    /** The role the firm lists show for firms a realm administrator opens without being staff. */
    static final String ROLE = "realm-admin";

    private final KeycloakSession session;
    private final AdminPermissionEvaluator auth;

    private ConsoleRealmAdmin(KeycloakSession session, AdminPermissionEvaluator auth) {
        this.session = session;
        this.auth = auth;
    }

    /** The user as a realm administrator, when their roles let them view the realm's organizations. */
    static Optional<ConsoleRealmAdmin> of(KeycloakSession session, ConsoleUser user) {
        RealmModel realm = session.getContext().getRealm();
        ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        if (management == null) {
            return Optional.empty();
        }
        UserModel person = user.auth().user();
        // Keycloak's admin permissions read the roles from a token: the console's session token
        // carries none, so it gets the realm-management roles the user holds (composites and groups included).
        AccessToken token = new AccessToken();
        // A regular (not lightweight) token id: Keycloak would otherwise look its roles up in a client session.
        token.id(session.getProvider(TokenContextEncoderProvider.class).encodeTokenId(new AccessTokenContext(
                AccessTokenContext.SessionType.ONLINE, AccessTokenContext.TokenType.REGULAR,
                OAuth2Constants.AUTHORIZATION_CODE, SecretGenerator.getInstance().generateSecureID())));
        token.subject(person.getId());
        token.issuedFor(user.auth().client().getClientId());
        AccessToken.Access access = token.addAccess(management.getClientId());
        management.getRolesStream().filter(person::hasRole).forEach(role -> access.addRole(role.getName()));
        AdminPermissionEvaluator auth = AdminPermissions.evaluator(session, realm,
                new AdminAuth(realm, token, person, user.auth().client()));
        return auth.orgs().canView() ? Optional.of(new ConsoleRealmAdmin(session, auth)) : Optional.empty();
    }

    FirmContext context(String firm) {
        RealmModel realm = session.getContext().getRealm();
        return FirmContexts.forRealmAdmin(session, auth,
                new AdminEventBuilder(realm, auth.adminAuth(), session, session.getContext().getConnection()), firm);
    }

    /** Every firm of the realm; a firm the user is staff of keeps the staff role the user has there. */
    List<FirmSummary> firms(List<FirmSummary> asStaff, int limit) {
        return session.getProvider(OrganizationProvider.class).getAllStream(null, false, 0, limit)
                .filter(OrganizationModel::isEnabled)
                .map(firm -> asStaff.stream().filter(staff -> staff.id().equals(firm.getId())).findFirst()
                        .orElseGet(() -> new FirmSummary(firm.getId(), firm.getAlias(), firm.getName(), ROLE, "")))
                .sorted(Comparator.comparing(FirmSummary::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }
}
