package dev.firmaccess.keycloak.portal;

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
import java.util.Locale;
import java.util.Map;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.ValidationException;

/**
 * {@code /realms/{realm}/firm-access/portal/activate/{token}}: the pages behind the link in the
 * portal activation email. A new address sets names and password and gets an account with a
 * verified email; an existing account signs in through the realm's login and confirms; someone
 * else signed in is offered to switch. Success lands in the portal's "My workspaces" page.
 */
public class PortalActivationResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final PortalActivation activation;
    private final LinkForms forms;

    public PortalActivationResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.activation = new PortalActivation(session);
        this.forms = new LinkForms(session, realm);
    }

    @GET
    @Path("activate/{token}")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("token") String token) {
        LinkPages.useFirmAccessClient(session, realm);
        PortalActivationPages pages = pages(token);
        PortalActivation.Checked checked = activation.check(token);
        UserModel signedIn = LinkPages.signedInUser(session, realm);
        if (!checked.ok()) {
            return pages.problem(checked.problem(), signedIn);
        }
        if (signedIn != null) {
            if (!EmailIdentity.same(checked.email(), signedIn.getEmail())) {
                return pages.wrongUser(checked, signedIn, action(token, "switch"));
            }
            return signedIn.isEmailVerified()
                    ? pages.confirm(checked, links().activationPage(token))
                    : pages.problem(AcceptProblem.EMAIL_NOT_VERIFIED, signedIn);
        }
        if (session.users().getUserByEmail(realm, checked.email()) != null) {
            return pages.signIn(checked, signIn(token, checked.email()));
        }
        return pages.register(checked, action(token, "register"), null, Map.of());
    }

    /** The signed-in addressee activates. */
    @POST
    @Path("activate/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response activate(@PathParam("token") String token, MultivaluedMap<String, String> form) {
        ClientModel client = LinkPages.useFirmAccessClient(session, realm);
        PortalActivationPages pages = pages(token);
        UserModel signedIn = LinkPages.signedInUser(session, realm);
        if (!forms.accepts(token, form.getFirst(LinkForms.FIELD))) {
            return pages.problem(AcceptProblem.FORM_EXPIRED, signedIn);
        }
        if (signedIn == null) {
            return Response.seeOther(links().activationPage(token)).build();
        }
        PortalActivation.Checked result = activation.activate(token, () -> signedIn, client);
        return result.ok() ? landInPortal() : pages.problem(result.problem(), signedIn);
    }

    /** A new person creates the account of the invited address, and activates with it. */
    @POST
    @Path("activate/{token}/register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response register(@PathParam("token") String token, MultivaluedMap<String, String> form) {
        ClientModel client = LinkPages.useFirmAccessClient(session, realm);
        PortalActivationPages pages = pages(token);
        if (!forms.accepts(token, form.getFirst(LinkForms.FIELD))) {
            return pages.problem(AcceptProblem.FORM_EXPIRED, null);
        }
        PortalActivation.Checked checked = activation.check(token);
        if (!checked.ok()) {
            return pages.problem(checked.problem(), null);
        }
        if (session.users().getUserByEmail(realm, checked.email()) != null) {
            return pages.signIn(checked, signIn(token, checked.email()));
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("firstName", form.getFirst("firstName"));
        values.put("lastName", form.getFirst("lastName"));
        String password = form.getFirst("password");
        String error = LinkPages.passwordProblem(session, checked.email(), password, form.getFirst("password-confirm"));
        if (error != null) {
            return pages.register(checked, action(token, "register"), error, values);
        }
        PortalActivation.Checked result;
        try {
            result = activation.activate(token, () -> {
                UserModel user = LinkPages.createUser(session, checked.email().toLowerCase(Locale.ROOT),
                        values);
                user.credentialManager().updateCredential(UserCredentialModel.password(password, false));
                return user;
            }, client);
        } catch (ValidationException invalid) {
            return pages.register(checked, action(token, "register"),
                    invalid.getErrors().isEmpty() ? "invalidUserMessage" : invalid.getErrors().get(0).getMessage(),
                    values);
        }
        return result.ok() ? landInPortal() : pages.problem(result.problem(), null);
    }

    /**
     * Signs the current user out of this browser, then shows the activation again, so the addressee
     * can sign in. Only from the page of a usable link: another site cannot sign anyone out.
     */
    @POST
    @Path("activate/{token}/switch")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response switchAccount(@PathParam("token") String token, MultivaluedMap<String, String> form) {
        LinkPages.useFirmAccessClient(session, realm);
        PortalActivationPages pages = pages(token);
        UserModel signedIn = LinkPages.signedInUser(session, realm);
        if (!forms.accepts(token, form.getFirst(LinkForms.FIELD))) {
            return pages.problem(AcceptProblem.FORM_EXPIRED, signedIn);
        }
        PortalActivation.Checked checked = activation.check(token);
        if (!checked.ok()) {
            return pages.problem(checked.problem(), signedIn);
        }
        LinkPages.signOut(session, realm);
        return Response.seeOther(links().activationPage(token)).build();
    }

    private PortalActivationPages pages(String token) {
        return new PortalActivationPages(session, activation, token);
    }

    /** The console's "My workspaces" page of portal users. */
    private Response landInPortal() {
        return Response.seeOther(UriBuilder.fromUri(session.getContext().getUri().getBaseUri())
                .path("realms/{realm}/firm-access/console/portal").build(realm.getName())).build();
    }

    private URI signIn(String token, String email) {
        return LinkPages.signIn(session, realm, links().activationPage(token), email);
    }

    private URI action(String token, String action) {
        return UriBuilder.fromUri(links().activationPage(token)).path(action).build();
    }

    private PortalLinks links() {
        return new PortalLinks(session, realm);
    }
}
