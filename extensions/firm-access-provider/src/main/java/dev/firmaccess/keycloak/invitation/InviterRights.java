package dev.firmaccess.keycloak.invitation;

import dev.firmaccess.keycloak.core.RealmUsers;
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
        // Looked up in the realm itself: the registration page checks the link before it joins, and once a
        // server administrator's invitation was checked, a plain lookup by id would answer the administrator.
        UserModel inviter = RealmUsers.find(session, realm, inviterId);
        if (inviter != null) {
            return inviter.isEnabled() && (organizations.isMember(firm, inviter)
                    ? mayGrant(staff.find(firm.getId(), inviterId).map(StaffEntity::getRole).orElse(StaffRole.MEMBER),
                            role)
                    : holds(inviter, realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID)));
        }
        RealmModel master = session.realms().getRealmByName(Config.getAdminRealm());
        UserModel serverAdmin = master == null || master.getId().equals(realm.getId())
                ? null : RealmUsers.find(session, master, inviterId);
        return serverAdmin != null && serverAdmin.isEnabled() && holds(serverAdmin, realm.getMasterAdminClient());
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
