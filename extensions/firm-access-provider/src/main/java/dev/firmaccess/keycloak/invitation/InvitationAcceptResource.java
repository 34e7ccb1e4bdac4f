package dev.firmaccess.keycloak.invitation;

import dev.firmaccess.keycloak.mail.AcceptProblem;
import dev.firmaccess.keycloak.mail.EmailIdentity;
import dev.firmaccess.keycloak.mail.LinkForms;
import dev.firmaccess.keycloak.mail.LinkPages;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;
import org.keycloak.userprofile.ValidationException;

/**
 * {@code /realms/{realm}/firm-access/invitations/accept/{token}}: the pages behind the link in
 * the invitation email. Who is signed in decides the page: the invited person confirms, someone
 * else is offered to switch account, nobody is asked to sign in (existing account) or to create
 * an account for the invited address.
 */
public class InvitationAcceptResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final LinkForms forms;

    public InvitationAcceptResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.forms = new LinkForms(session, realm);
    }

    @GET
    @Path("accept/{token}")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("token") String token) {
        LinkPages.useFirmAccessClient(session, realm);
        AcceptPages pages = new AcceptPages(session, token);
        InvitationAcceptance.Checked checked = new InvitationAcceptance(session).check(token);
        UserModel signedIn = LinkPages.signedInUser(session, realm);
        if (!checked.ok()) {
            return pages.problem(checked.problem(), signedIn);
        }
        InvitationEntity invitation = checked.invitation();
        if (signedIn != null) {
            if (!EmailIdentity.same(invitation.getEmail(), signedIn.getEmail())) {
                return pages.wrongUser(invitation, checked.firm(), signedIn, action(token, "switch"));
            }
            return signedIn.isEmailVerified()
                    ? pages.confirm(invitation, checked.firm(), links().acceptPage(token))
                    : pages.problem(AcceptProblem.EMAIL_NOT_VERIFIED, signedIn);
        }
        if (session.users().getUserByEmail(realm, invitation.getEmail()) != null) {
            return pages.signIn(invitation, checked.firm(), LinkPages.signIn(session, realm, links().acceptPage(token), invitation.getEmail()));
        }
        return pages.register(invitation, checked.firm(), action(token, "register"), null, Map.of());
    }

    /** The signed-in invitee joins. */
    @POST
    @Path("accept/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response accept(@PathParam("token") String token, MultivaluedMap<String, String> form) {
        ClientModel client = LinkPages.useFirmAccessClient(session, realm);
        AcceptPages pages = new AcceptPages(session, token);
        UserModel signedIn = LinkPages.signedInUser(session, realm);
        if (!forms.accepts(token, form.getFirst(LinkForms.FIELD))) {
            return pages.problem(AcceptProblem.FORM_EXPIRED, signedIn);
        }
        if (signedIn == null) {
            return Response.seeOther(links().acceptPage(token)).build();
        }
        InvitationAcceptance.Checked result = new InvitationAcceptance(session).accept(token, signedIn, client);
        if (!result.ok()) {
            return pages.problem(result.problem(), signedIn);
        }
        return Response.seeOther(afterAccepting(result)).build();
    }

    /** A new person creates their account for the invited address, and joins with it. */
    @POST
    @Path("accept/{token}/register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response register(@PathParam("token") String token, MultivaluedMap<String, String> form) {
        ClientModel client = LinkPages.useFirmAccessClient(session, realm);
        AcceptPages pages = new AcceptPages(session, token);
        if (!forms.accepts(token, form.getFirst(LinkForms.FIELD))) {
            return pages.problem(AcceptProblem.FORM_EXPIRED, null);
        }
        InvitationAcceptance acceptance = new InvitationAcceptance(session);
        InvitationAcceptance.Checked checked = acceptance.check(token);
        if (!checked.ok()) {
            return pages.problem(checked.problem(), null);
        }
        InvitationEntity invitation = checked.invitation();
        if (session.users().getUserByEmail(realm, invitation.getEmail()) != null) {
            return pages.signIn(invitation, checked.firm(), LinkPages.signIn(session, realm, links().acceptPage(token), invitation.getEmail()));
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("firstName", form.getFirst("firstName"));
        values.put("lastName", form.getFirst("lastName"));
        String password = form.getFirst("password");
        String error = LinkPages.passwordProblem(session, invitation.getEmail(), password, form.getFirst("password-confirm"));
        if (error != null) {
            return pages.register(invitation, checked.firm(), action(token, "register"), error, values);
        }
        UserModel user;
        try {
            user = LinkPages.createUser(session, invitation.getEmail(), values);
        } catch (ValidationException invalid) {
            return pages.register(invitation, checked.firm(), action(token, "register"),
                    invalid.getErrors().isEmpty() ? "invalidUserMessage" : invalid.getErrors().get(0).getMessage(),
                    values);
        }
        user.credentialManager().updateCredential(UserCredentialModel.password(password, false));
        InvitationAcceptance.Checked result = acceptance.accept(token, user, client);
        if (!result.ok()) {
            return pages.problem(result.problem(), null);
        }
        return Response.seeOther(afterAccepting(result)).build();
    }

    /**
     * Signs the current user out of this browser, then shows the invitation again, so the invited
     * person can sign in. Only from the page of a usable link: another site cannot sign anyone out.
     */
    @POST
    @Path("accept/{token}/switch")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response switchAccount(@PathParam("token") String token, MultivaluedMap<String, String> form) {
        LinkPages.useFirmAccessClient(session, realm);
        AcceptPages pages = new AcceptPages(session, token);
        UserModel signedIn = LinkPages.signedInUser(session, realm);
        if (!forms.accepts(token, form.getFirst(LinkForms.FIELD))) {
            return pages.problem(AcceptProblem.FORM_EXPIRED, signedIn);
        }
        InvitationAcceptance.Checked checked = new InvitationAcceptance(session).check(token);
        if (!checked.ok()) {
            return pages.problem(checked.problem(), signedIn);
        }
        LinkPages.signOut(session, realm);
        return Response.seeOther(links().acceptPage(token)).build();
    }

    /** The firm's own redirect URL when Keycloak has one for the organization, else the account console. */
    private URI afterAccepting(InvitationAcceptance.Checked result) {
        String redirect = result.firm().getRedirectUrl();
        if (redirect != null && !redirect.isBlank()) {
            return URI.create(redirect);
        }
        return Urls.accountBase(session.getContext().getUri().getBaseUri()).path("/").build(realm.getName());
    }

    private URI action(String token, String action) {
        return UriBuilder.fromUri(links().acceptPage(token)).path(action).build();
    }

    private InvitationLinks links() {
        return new InvitationLinks(session, realm);
    }
}
