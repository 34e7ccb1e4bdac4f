package dev.firmaccess.keycloak.portal;

import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;

/** Issues and verifies the signed activation links of portal memberships. */
public final class PortalLinks {

    private final KeycloakSession session;
    private final RealmModel realm;

    public PortalLinks(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The link of memberships that share one link id, address and expiry (one mail activates them all). */
    public String issue(List<PortalMembershipEntity> sameLink) {
        PortalMembershipEntity first = sameLink.get(0);
        PortalActivationToken token = new PortalActivationToken();
        token.id(first.getLinkId());
        token.type(PortalActivationToken.TYPE);
        token.issuer(issuer());
        token.exp(first.getExpiresAt() / 1000);
        token.setOrganizationId(first.getOrganizationId());
        token.setEmail(first.getEmail());
        token.setBusinessIds(sameLink.stream().map(PortalMembershipEntity::getBusinessId).distinct().toList());
        return activationPage(session.tokens().encode(token)).toString();
    }

    public URI activationPage(String token) {
        return UriBuilder.fromUri(session.getContext().getUri().getBaseUri())
                .path("realms/{realm}/firm-access/portal/activate/{token}")
                .build(realm.getName(), token);
    }

    /**
     * The token when its signature is the realm's and it is a portal activation of this realm, with
     * every claim present; whether it is still current and unexpired is the caller's check.
     */
    public Optional<PortalActivationToken> verify(String token) {
        PortalActivationToken decoded;
        try {
            decoded = token == null ? null : session.tokens().decode(token, PortalActivationToken.class);
        } catch (RuntimeException malformed) {
            decoded = null;
        }
        return Optional.ofNullable(decoded)
                .filter(t -> PortalActivationToken.TYPE.equals(t.getType()))
                .filter(t -> issuer().equals(t.getIssuer()))
                .filter(t -> t.getId() != null && t.getOrganizationId() != null && t.getEmail() != null
                        && t.getExp() != null && t.getBusinessIds() != null && !t.getBusinessIds().isEmpty());
    }

    private String issuer() {
        return Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName());
    }
}
