package dev.firmaccess.keycloak.invitation;

import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;

/** Issues and verifies the signed links of invitations. */
public final class InvitationLinks {

    private final KeycloakSession session;
    private final RealmModel realm;

    public InvitationLinks(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    public String issue(InvitationEntity invitation) {
        InvitationToken token = new InvitationToken();
        token.id(invitation.getLinkId());
        token.type(InvitationToken.TYPE);
        token.issuer(issuer());
        token.exp(invitation.getExpiresAt() / 1000);
        token.setInvitationId(invitation.getId());
        token.setOrganizationId(invitation.getOrganizationId());
        token.setEmail(invitation.getEmail());
        return acceptPage(session.tokens().encode(token)).toString();
    }

    public URI acceptPage(String token) {
        return UriBuilder.fromUri(session.getContext().getUri().getBaseUri())
                .path("realms/{realm}/firm-access/invitations/accept/{token}")
                .build(realm.getName(), token);
    }

    /** The token when its signature is the realm's and it is an invitation of this realm; expiry is checked by the caller. */
    public Optional<InvitationToken> verify(String token) {
        InvitationToken decoded;
        try {
            decoded = token == null ? null : session.tokens().decode(token, InvitationToken.class);
        } catch (RuntimeException malformed) {
            decoded = null;
        }
        return Optional.ofNullable(decoded)
                .filter(t -> InvitationToken.TYPE.equals(t.getType()))
                .filter(t -> issuer().equals(t.getIssuer()))
                .filter(t -> t.getId() != null && t.getInvitationId() != null && t.getOrganizationId() != null
                        && t.getEmail() != null && t.getExp() != null);
    }

    private String issuer() {
        return Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName());
    }
}
