package dev.firmaccess.keycloak.invitation;

import dev.firmaccess.keycloak.mail.FirmAccessEmail;
import java.io.IOException;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
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
            FirmAccessEmail email = FirmAccessEmail.toInvitee(session, realm, invitation);
            Map<String, Object> attributes = email.invitationAttributes(firm, invitation, inviter,
                    invitation.getExpiresAt(), link);
            attributes.put("roleLabel", roleLabel);
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
