package dev.firmaccess.keycloak.portal;

import dev.firmaccess.keycloak.mail.FirmAccessEmail;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
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
            UserModel existing = session.users().getUserByEmail(realm, membership.getEmail());
            FirmAccessEmail email = new FirmAccessEmail(session, realm, existing);
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("firmName", firm.getName());
            attributes.put("businessNames", businessNames);
            attributes.put("inviter", inviter);
            String name = membership.getFirstName() != null ? membership.getFirstName()
                    : existing == null ? null : existing.getFirstName();
            if (name != null && !name.isBlank()) {
                attributes.put("inviteeName", name);
            }
            if (membership.getMessage() != null) {
                attributes.put("personalMessage", membership.getMessage());
            }
            attributes.put("existingAccount", existing != null);
            attributes.put("expiresAt", email.time(membership.getExpiresAt()));
            attributes.put("link", link);
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
