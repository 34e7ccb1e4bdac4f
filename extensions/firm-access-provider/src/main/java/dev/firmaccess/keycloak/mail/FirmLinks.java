package dev.firmaccess.keycloak.mail;

import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;

/**
 * Issues and verifies one kind of the firm's emailed links: a token of its own type, signed with
 * the realm's keys, bound to the mailed invitation's link id, expiry, firm and address, in the URL
 * of the page that opens it.
 *
 * @param <T> the kind's token, which may carry claims of its own
 */
public final class FirmLinks<T extends FirmLinkToken> {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Class<T> tokenClass;
    private final String type;
    private final String pagePath;

    /** {@code pagePath} is below the server's base URI, with {@code {realm}} and {@code {token}} in it. */
    public FirmLinks(KeycloakSession session, RealmModel realm, Class<T> tokenClass, String type, String pagePath) {
        this.session = session;
        this.realm = realm;
        this.tokenClass = tokenClass;
        this.type = type;
        this.pagePath = pagePath;
    }

    /** The link: the token, with the kind's own claims already set, completed for {@code mailed} and signed. */
    public String issue(T token, MailedInvitation mailed, long expiresAtMillis) {
        token.id(mailed.getLinkId());
        token.type(type);
        token.issuer(issuer());
        token.exp(expiresAtMillis / 1000);
        token.setOrganizationId(mailed.getOrganizationId());
        token.setEmail(mailed.getEmail());
        return page(session.tokens().encode(token)).toString();
    }

    public URI page(String token) {
        return UriBuilder.fromUri(session.getContext().getUri().getBaseUri())
                .path(pagePath)
                .build(realm.getName(), token);
    }

    /**
     * The token when its signature is the realm's and it is a link of this kind and realm with its
     * id, firm, address and expiry; the kind's own claims, and whether the link is still current and
     * unexpired, are the caller's check.
     */
    public Optional<T> verify(String token) {
        T decoded;
        try {
            decoded = token == null ? null : session.tokens().decode(token, tokenClass);
        } catch (RuntimeException malformed) {
            decoded = null;
        }
        return Optional.ofNullable(decoded)
                .filter(t -> type.equals(t.getType()))
                .filter(t -> issuer().equals(t.getIssuer()))
                .filter(t -> t.getId() != null && t.getOrganizationId() != null && t.getEmail() != null
                        && t.getExp() != null);
    }

    private String issuer() {
        return Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName());
    }
}
