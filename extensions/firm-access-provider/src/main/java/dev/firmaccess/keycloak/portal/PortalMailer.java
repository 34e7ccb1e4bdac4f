package dev.firmaccess.keycloak.portal;

import dev.firmaccess.keycloak.mail.FirmAccessEmail;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.theme.FreeMarkerException;

/** Queues the portal activation email: firm, workspaces, inviter, personal message, link and expiry. */
final class PortalMailer {

    static final String TEMPLATE = "firm-access-portal-activation.ftl";

    private static final Logger LOG = Logger.getLogger(PortalMailer.class);

    private final KeycloakSession session;
    private final RealmModel realm;

    PortalMailer(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /**
     * Answers whether the message is in the outbox, to go out once the transaction commits. A
     * message that could not be rendered is logged once and changes nothing else: the memberships
     * stay, not_sent, and can be sent again.
     */
    boolean queue(OrganizationModel firm, PortalMembershipEntity membership, List<String> businessNames, String inviter,
            String link) {
        try {
            FirmAccessEmail email = FirmAccessEmail.toInvitee(session, realm, membership);
            Map<String, Object> attributes = email.invitationAttributes(firm, membership, inviter,
                    membership.getExpiresAt(), link);
            attributes.put("businessNames", businessNames);
            if (membership.getMessage() != null) {
                attributes.put("personalMessage", membership.getMessage());
            }
            attributes.put("existingAccount", email.toExistingAccount());
            email.queue(membership, TEMPLATE, "firmAccessPortalSubject",
                    new Object[] {firm.getName(), String.join(", ", businessNames)}, attributes);
            return true;
        } catch (IOException | FreeMarkerException failed) {
            LOG.warnf("Portal activation %s could not be rendered; it stays not_sent and can be sent again once the"
                    + " email theme works: %s", membership.getLinkId(), failed.getMessage());
            return false;
        }
    }
}
