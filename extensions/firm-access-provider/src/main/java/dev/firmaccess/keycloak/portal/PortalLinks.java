package dev.firmaccess.keycloak.portal;

import dev.firmaccess.keycloak.mail.FirmLinks;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Issues and verifies the signed activation links of portal memberships. */
public final class PortalLinks {

    private final FirmLinks<PortalActivationToken> links;

    public PortalLinks(KeycloakSession session, RealmModel realm) {
        this.links = new FirmLinks<>(session, realm, PortalActivationToken.class, PortalActivationToken.TYPE,
                "realms/{realm}/firm-access/portal/activate/{token}");
    }

    /** The link of memberships that share one link id, address and expiry (one mail activates them all). */
    public String issue(List<PortalMembershipEntity> sameLink) {
        PortalMembershipEntity first = sameLink.get(0);
        PortalActivationToken token = new PortalActivationToken();
        token.setBusinessIds(sameLink.stream().map(PortalMembershipEntity::getBusinessId).distinct().toList());
        return links.issue(token, first, first.getExpiresAt());
    }

    public URI activationPage(String token) {
        return links.page(token);
    }

    /**
     * The token when its signature is the realm's and it is a portal activation of this realm, with
     * every claim present; whether it is still current and unexpired is the caller's check.
     */
    public Optional<PortalActivationToken> verify(String token) {
        return links.verify(token).filter(t -> t.getBusinessIds() != null && !t.getBusinessIds().isEmpty());
    }
}
