package dev.firmaccess.keycloak.api;

import dev.firmaccess.keycloak.audit.AuditLog;
import dev.firmaccess.keycloak.firm.MembershipAudit;
import dev.firmaccess.keycloak.invitation.InvitationAcceptance;
import dev.firmaccess.keycloak.settings.FirmAccessSwitch;
import dev.firmaccess.keycloak.sso.Joiner;
import dev.firmaccess.keycloak.staff.StaffService;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;

/**
 * Hears Keycloak make someone a member of a firm, in the transaction that does, so that every
 * joining is recorded once (and reaches the access-event subscribers as {@code staff.added}):
 * an accepted invitation records its own acceptance, also one accepted on signing in through the
 * firm's provider with an invitation open, the joiner rules record {@code sso.joined}, and any
 * other joining (a realm administrator in Keycloak's own Organizations pages or API, a sign-in
 * through the firm's provider that the rules leave alone) is recorded here.
 */
final class FirmMemberJoins {

    private FirmMemberJoins() {
    }

    static void onEvent(ProviderEvent event) {
        if (event instanceof OrganizationModel.OrganizationMemberJoinEvent joined) {
            joined(joined.getSession(), joined.getOrganization(), joined.getUser());
        }
    }

    private static void joined(KeycloakSession session, OrganizationModel firm, UserModel user) {
        RealmModel realm = session.getContext().getRealm();
        if (realm == null || !FirmAccessSwitch.isOn(realm)
                || MembershipAudit.isRecordedByThisRequest(session, MembershipAudit.Change.JOINED, firm.getId(), user.getId())
                || (firm.isManaged(user) && new InvitationAcceptance(session).settleOnProviderJoin(firm, user))
                || Joiner.applyRules(session, firm, user)) {
            return;
        }
        // Keycloak raises its own admin event for the membership, so the record raises none.
        String administrator = RequestAdministrator.of(session);
        StaffService.recordAddition(new AuditLog(session, realm.getId(), firm.getId(),
                administrator == null ? user.getId() : administrator, null), user);
    }
}
