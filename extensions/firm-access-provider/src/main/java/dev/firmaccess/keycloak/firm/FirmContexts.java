package dev.firmaccess.keycloak.firm;

import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.core.RealmUsers;
import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.settings.FirmAccessSettings;
import dev.firmaccess.keycloak.storage.Jpa;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Builds the {@link FirmContext} of a request for each of the two APIs. */
public final class FirmContexts {

    private FirmContexts() {
    }

    /**
     * Firm API and console: the caller must be staff of the firm, and a connection key's session is
     * confined to the key's firm; everyone else gets the same 404 as for an unknown firm.
     */
    public static FirmContext forStaff(KeycloakSession session, AuthResult caller, CallerOrigin origin,
            String firmIdOrAlias) {
        OrganizationModel firm = FirmLocator.require(session, firmIdOrAlias);
        if (!firm.isEnabled() || !origin.reaches(firm)
                || !session.getProvider(OrganizationProvider.class).isMember(firm, caller.user())) {
            throw FirmAccessException.notFound("Firm not found");
        }
        RealmModel realm = session.getContext().getRealm();
        StaffRole role = new StaffRepository(Jpa.entityManager(session)).roleOf(firm.getId(), caller.user().getId());
        FirmActor actor = new StaffActor(caller.user().getId(), role, FirmAccessSettings.of(realm));
        AdminAuth adminAuth = new AdminAuth(realm, caller.token(), caller.user(), caller.client());
        return new FirmContext(session, firm, actor, origin, actingAs(adminAuth),
                () -> new AdminEventBuilder(realm, adminAuth, session, session.getContext().getConnection()));
    }

    /**
     * A person accepting an invitation: they act as the staff member they become, and the audit
     * records them, through the client they came with, as the actor.
     */
    public static FirmContext forInvitee(KeycloakSession session, OrganizationModel firm, UserModel user, StaffRole role,
            ClientModel client) {
        return forPerson(session, firm, user, new StaffActor(user.getId(), role,
                FirmAccessSettings.of(session.getContext().getRealm())), client);
    }

    /**
     * The firm's joiner rules acting for a person who just joined through the firm's identity provider,
     * in the transaction of their sign-in; the audit records them, through the client they signed in to.
     */
    public static FirmContext forJoiner(KeycloakSession session, OrganizationModel firm, UserModel joiner) {
        return forPerson(session, firm, joiner, new JoinerActor(joiner.getId()), session.getContext().getClient());
    }

    /** Someone acting without a bearer token of their own: the audit records them, through the client they came with. */
    private static FirmContext forPerson(KeycloakSession session, OrganizationModel firm, UserModel person,
            FirmActor actor, ClientModel client) {
        RealmModel realm = session.getContext().getRealm();
        AdminAuth adminAuth = new AdminAuth(realm, null, person, client);
        return new FirmContext(session, firm, actor, CallerOrigin.ADMINISTRATION, actingAs(adminAuth),
                () -> new AdminEventBuilder(realm, adminAuth, session, session.getContext().getConnection()));
    }

    /** Realm-admin API: Keycloak's organization permissions decide what the administrator may do. */
    public static FirmContext forRealmAdmin(KeycloakSession session, AdminPermissionEvaluator auth,
            AdminEventBuilder adminEvent, String firmIdOrAlias) {
        // Whoever may not view every organization gets the same 403 for an unknown firm as for a firm
        // hidden from them, so the admin API does not tell them which firms exist.
        OrganizationModel firm = auth.orgs().canView()
                ? FirmLocator.require(session, firmIdOrAlias)
                : FirmLocator.find(session, firmIdOrAlias).filter(found -> auth.orgs().canView(found))
                        .orElseThrow(() -> FirmAccessException.of(ErrorCode.FORBIDDEN, 
                                "Your realm administration roles do not allow viewing this organization"));
        RealmAdminActor actor = new RealmAdminActor(auth, firm);
        actor.require(FirmPermission.VIEW_FIRM);
        return new FirmContext(session, firm, actor, CallerOrigin.ADMINISTRATION,
                actingAs(auth.adminAuth()), () -> adminEvent.clone(session));
    }

    /**
     * The context of a job that continues a staff member's request after it ended (the session has
     * the realm and the request's connection set): the same person acts, with the role they have
     * now. Someone who left the firm is refused as in a request. Realm administrators' rights come
     * from their request's token, which a later job does not have, so they never start such jobs.
     */
    public static FirmContext resume(KeycloakSession session, OrganizationModel firm, ActingAs actingAs) {
        RealmModel realm = session.getContext().getRealm();
        UserModel user = RealmUsers.find(session, realm, actingAs.userId());
        ClientModel client = realm.getClientById(actingAs.clientId());
        if (user == null || client == null || !firm.isEnabled()
                || !session.getProvider(OrganizationProvider.class).isMember(firm, user)) {
            throw FirmAccessException.notFound("Firm not found");
        }
        AdminAuth adminAuth = new AdminAuth(realm, null, user, client);
        StaffRole role = new StaffRepository(Jpa.entityManager(session)).roleOf(firm.getId(), user.getId());
        return new FirmContext(session, firm, new StaffActor(user.getId(), role, FirmAccessSettings.of(realm)),
                CallerOrigin.ADMINISTRATION, actingAs,
                () -> new AdminEventBuilder(realm, adminAuth, session, session.getContext().getConnection()));
    }

    private static ActingAs actingAs(AdminAuth auth) {
        return new ActingAs(auth.getUser().getId(), auth.getClient() == null ? null : auth.getClient().getId());
    }
}
