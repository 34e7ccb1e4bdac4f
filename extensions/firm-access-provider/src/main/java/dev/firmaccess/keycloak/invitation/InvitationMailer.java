package dev.firmaccess.keycloak.invitation;

import dev.firmaccess.keycloak.mail.FirmAccessEmail;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.theme.FreeMarkerException;

/**
 * Queues the invitation email from the extension's own email theme, whatever email theme the
 * realm uses, so the message always has the firm, inviter, role, expiry and link.
 */
public final class InvitationMailer {

    static final String TEMPLATE = "firm-access-invitation.ftl";

    private static final Logger LOG = Logger.getLogger(InvitationMailer.class);

    private final KeycloakSession session;
    private final RealmModel realm;

    public InvitationMailer(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /**
     * Answers whether the message is in the outbox, to go out once the transaction commits; a
     * message that could not be rendered is logged once and left to a resend.
     */
    public boolean queue(OrganizationModel firm, InvitationEntity invitation, String link, String inviter,
            String roleLabel) {
        try {
            UserModel existing = session.users().getUserByEmail(realm, invitation.getEmail());
            FirmAccessEmail email = new FirmAccessEmail(session, realm, existing);
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("firmName", firm.getName());
            attributes.put("inviter", inviter);
            attributes.put("roleLabel", roleLabel);
            String inviteeName = invitation.getFirstName() != null ? invitation.getFirstName()
                    : existing == null ? null : existing.getFirstName();
            if (inviteeName != null && !inviteeName.isBlank()) {
                attributes.put("inviteeName", inviteeName);
            }
            attributes.put("expiresAt", email.time(invitation.getExpiresAt()));
            attributes.put("link", link);
            email.queue(invitation, TEMPLATE, "firmAccessInvitationSubject", new Object[] {firm.getName()},
                    attributes);
            return true;
        } catch (IOException | FreeMarkerException failed) {
            LOG.warnf("Invitation %s could not be rendered; it stays not_sent and can be resent once the email"
                    + " theme works: %s", invitation.getId(), failed.getMessage());
            return false;
        }
    }
}
