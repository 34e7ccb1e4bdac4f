package dev.firmaccess.keycloak.invitation;

import dev.firmaccess.keycloak.mail.FirmLinks;
import java.net.URI;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Issues and verifies the signed links of invitations. */
public final class InvitationLinks {

    private final FirmLinks<InvitationToken> links;

    public InvitationLinks(KeycloakSession session, RealmModel realm) {
        this.links = new FirmLinks<>(session, realm, InvitationToken.class, InvitationToken.TYPE,
                "realms/{realm}/firm-access/invitations/accept/{token}");
    }

    public String issue(InvitationEntity invitation) {
        InvitationToken token = new InvitationToken();
        token.setInvitationId(invitation.getId());
        return links.issue(token, invitation, invitation.getExpiresAt());
    }

    public URI acceptPage(String token) {
        return links.page(token);
    }

    /** The token when its signature is the realm's and it is an invitation of this realm; expiry is checked by the caller. */
    public Optional<InvitationToken> verify(String token) {
        return links.verify(token).filter(t -> t.getInvitationId() != null);
    }
}
