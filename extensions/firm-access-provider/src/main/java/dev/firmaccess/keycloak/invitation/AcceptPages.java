package dev.firmaccess.keycloak.invitation;

import dev.firmaccess.keycloak.mail.AcceptProblem;
import dev.firmaccess.keycloak.mail.LinkForms;
import dev.firmaccess.keycloak.mail.LinkPageForms;
import dev.firmaccess.keycloak.settings.FirmAccessSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.models.KeycloakSession;

/** The invitation pages: what they show of a usable invitation, in the staff invitation's wording. */
final class AcceptPages extends LinkPageForms<InvitationAcceptance.Checked> {

    static final String TEMPLATE = "firm-access-invitation.ftl";

    private final KeycloakSession session;

    /** The pages of one link; their forms carry the token {@link LinkForms} checks. */
    AcceptPages(KeycloakSession session, String link) {
        super(session, link, TEMPLATE, "invitation", "acceptUrl");
        this.session = session;
    }

    @Override
    protected Map<String, Object> details(InvitationAcceptance.Checked checked) {
        InvitationEntity invitation = checked.invitation();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("firmName", checked.firm().getName());
        details.put("email", invitation.getEmail());
        details.put("roleLabel", FirmAccessSettings.of(session.getContext().getRealm()).labelOf(invitation.getRole()));
        details.put("expiresAt", new java.util.Date(invitation.getExpiresAt()));
        return details;
    }

    @Override
    protected String messageKey(AcceptProblem problem) {
        return problem.messageKey();
    }
}
