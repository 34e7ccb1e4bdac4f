package dev.firmaccess.keycloak.invitation;

import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.firm.StaffEntity;
import dev.firmaccess.keycloak.firm.StaffRepository;
import java.util.stream.Stream;
import org.keycloak.Config;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * Whether the person who sent an invitation could still grant its role at the moment it is
 * accepted, so that an invitation does not outlive its sender's rights: a staff inviter must still
 * be staff of the firm, an owner for an owner invitation and an owner or admin otherwise; an inviter
 * who is a realm administrator (of the realm, or of the server in the master realm) must still hold
 * one of the realm's roles that manage organizations ({@code manage-organizations} or
 * {@code manage-realm}), as the realm-admin API asked of them.
 */
record InviterRights(KeycloakSession session, RealmModel realm, OrganizationProvider organizations, StaffRepository staff) {

    boolean mayStillGrant(OrganizationModel firm, String inviterId, StaffRole role) {
        if (inviterId == null) {
            return false;
        }
        UserModel inviter = userOf(realm, inviterId);
        if (inviter != null) {
            return inviter.isEnabled() && (organizations.isMember(firm, inviter)
                    ? mayGrant(staff.find(firm.getId(), inviterId).map(StaffEntity::getRole).orElse(StaffRole.MEMBER),
                            role)
                    : holds(inviter, realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID)));
        }
        RealmModel master = session.realms().getRealmByName(Config.getAdminRealm());
        UserModel serverAdmin = master == null || master.getId().equals(realm.getId())
                ? null : userOf(master, inviterId);
        return serverAdmin != null && serverAdmin.isEnabled() && holds(serverAdmin, realm.getMasterAdminClient());
    }

    /**
     * The user with the id when it is a user of {@code in}, else null. Keycloak's user cache answers
     * a lookup by id with any user this request has already loaded, whatever that user's realm: once
     * a server administrator's invitation was checked (the registration page checks the link before
     * it joins), the administrator would look like a user of the firm's realm who holds none of its
     * roles. The username, unique within a realm, is looked up in the realm itself.
     */
    private UserModel userOf(RealmModel in, String id) {
        UserModel user = session.users().getUserById(in, id);
        UserModel sameName = user == null ? null : session.users().getUserByUsername(in, user.getUsername());
        return sameName != null && sameName.getId().equals(id) ? user : null;
    }

    private static boolean mayGrant(StaffRole inviter, StaffRole invited) {
        return invited == StaffRole.OWNER ? inviter == StaffRole.OWNER : inviter.reachesAllBusinesses();
    }

    private static boolean holds(UserModel user, ClientModel adminClient) {
        return adminClient != null && Stream.of(AdminRoles.MANAGE_ORGANIZATIONS, AdminRoles.MANAGE_REALM)
                .map(adminClient::getRole)
                .anyMatch(role -> role != null && user.hasRole(role));
    }
}
