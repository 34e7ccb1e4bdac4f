package dev.firmaccess.keycloak.invitation;

import dev.firmaccess.keycloak.firm.FirmIdentityProviders;
import dev.firmaccess.keycloak.mail.AcceptProblem;
import dev.firmaccess.keycloak.mail.LinkPageFlow;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;
import org.keycloak.models.ClientModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;

/**
 * {@code /realms/{realm}/firm-access/invitations/accept/{token}}: the pages behind the link in
 * the invitation email. Who is signed in decides the page: the invited person confirms, someone
 * else is offered to switch account, nobody is asked to sign in (existing account) or to create
 * an account for the invited address.
 */
public class InvitationAcceptResource extends LinkPageFlow<InvitationAcceptance.Checked> {

    public InvitationAcceptResource(KeycloakSession session) {
        super(session);
    }

    @Override
    protected InvitationAcceptance.Checked join(String token, Supplier<UserModel> account, ClientModel client) {
        return new InvitationAcceptance(session).accept(token, account, client);
    }

    /** The firm's own redirect URL when Keycloak has one for the organization, else the account console. */
    @Override
    protected URI afterJoining(InvitationAcceptance.Checked result) {
        String redirect = result.firm().getRedirectUrl();
        if (redirect != null && !redirect.isBlank()) {
            return URI.create(redirect);
        }
        return Urls.accountBase(session.getContext().getUri().getBaseUri()).path("/").build(realm.getName());
    }

    /** Signing in through the firm's identity provider accepts the invitation (see InvitationAcceptance). */
    @Override
    protected boolean joinedAlready(InvitationAcceptance.Checked checked, UserModel signedIn) {
        return checked.problem() == AcceptProblem.USED && signedIn.getId().equals(checked.invitation().getAcceptedBy());
    }

    /** A staff invitation to an address of the firm's own identity provider signs in through it. */
    @Override
    protected Optional<IdentityProviderModel> identityProviderOf(InvitationAcceptance.Checked checked) {
        return new FirmIdentityProviders(checked.firm()).forAddress(checked.invitation().getEmail());
    }

    @Override
    protected InvitationAcceptance.Checked check(String token) {
        return new InvitationAcceptance(session).check(token);
    }

    @Override
    protected AcceptPages pages(String token) {
        return new AcceptPages(session, token);
    }

    @Override
    protected URI pageAddress(String token) {
        return links().acceptPage(token);
    }

    private InvitationLinks links() {
        return new InvitationLinks(session, realm);
    }
}
