package dev.firmaccess.keycloak.portal;

import dev.firmaccess.keycloak.mail.LinkPageFlow;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.function.Supplier;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * {@code /realms/{realm}/firm-access/portal/activate/{token}}: the pages behind the link in the
 * portal activation email. A new address sets names and password and gets an account with a
 * verified email; an existing account signs in through the realm's login and confirms; someone
 * else signed in is offered to switch. Success lands in the portal's "My workspaces" page.
 */
public class PortalActivationResource extends LinkPageFlow<PortalActivation.Checked> {

    private final PortalActivation activation;

    public PortalActivationResource(KeycloakSession session) {
        super(session);
        this.activation = new PortalActivation(session);
    }

    @Override
    protected PortalActivation.Checked check(String token) {
        return activation.check(token);
    }

    @Override
    protected PortalActivationPages pages(String token) {
        return new PortalActivationPages(session, activation, token);
    }

    @Override
    protected URI pageAddress(String token) {
        return links().activationPage(token);
    }

    @Override
    protected PortalActivation.Checked join(String token, Supplier<UserModel> account, ClientModel client) {
        return activation.activate(token, account, client);
    }

    /** The console's "My workspaces" page of portal users. */
    @Override
    protected URI afterJoining(PortalActivation.Checked activated) {
        return UriBuilder.fromUri(session.getContext().getUri().getBaseUri())
                .path("realms/{realm}/firm-access/console/portal").build(realm.getName());
    }

    private PortalLinks links() {
        return new PortalLinks(session, realm);
    }
}
