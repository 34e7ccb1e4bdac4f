package dev.firmaccess.keycloak.mail;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * The pages of one mailed link (a problem, confirm, sign in, register, someone else signed in),
 * rendered by Keycloak's own login forms with the extension's login theme (the "firm-access" client
 * carries it), so they look like the realm's other login pages. A kind of link names its template,
 * what its pages show about a usable link, and its own wording of a problem.
 *
 * @param <C> what checking a link answers
 */
public abstract class LinkPageForms<C> {

    private final KeycloakSession session;
    private final LinkForms forms;
    private final String link;
    private final String template;
    private final String detailsAttribute;
    private final String confirmAttribute;

    /**
     * The pages of one link; their forms carry the token {@link LinkForms} checks.
     *
     * @param detailsAttribute the template's name for what the pages show about a usable link
     * @param confirmAttribute the template's name for the address the confirm form posts to
     */
    protected LinkPageForms(KeycloakSession session, String link, String template, String detailsAttribute,
            String confirmAttribute) {
        this.session = session;
        this.forms = new LinkForms(session, session.getContext().getRealm());
        this.link = link;
        this.template = template;
        this.detailsAttribute = detailsAttribute;
        this.confirmAttribute = confirmAttribute;
    }

    /** What the pages show about a usable link. */
    protected abstract Map<String, Object> details(C checked);

    /** The bundle key of a problem in this kind of link's wording. */
    protected abstract String messageKey(AcceptProblem problem);

    public Response problem(AcceptProblem problem, UserModel signedIn) {
        LoginFormsProvider form = form("problem", null).setAttribute("problem", messageKey(problem));
        if (signedIn != null) {
            form.setAttribute("signedInAs", nameOf(signedIn));
        }
        return form.setStatus(Response.Status.fromStatusCode(problem.status())).createForm(template);
    }

    public Response confirm(C checked, URI confirmUrl) {
        return form("confirm", checked).setAttribute(confirmAttribute, confirmUrl.toString()).createForm(template);
    }

    public Response signIn(C checked, URI signInUrl) {
        return form("signIn", checked).setAttribute("signInUrl", signInUrl.toString()).createForm(template);
    }

    /** Sign-in through the identity provider that serves the link's address, named on the page. */
    public Response signInThrough(C checked, IdentityProviderModel provider, URI signInUrl) {
        String name = provider.getDisplayName() == null || provider.getDisplayName().isBlank()
                ? provider.getAlias() : provider.getDisplayName();
        return form("signIn", checked).setAttribute("signInUrl", signInUrl.toString())
                .setAttribute("identityProvider", name).createForm(template);
    }

    public Response register(C checked, URI registerUrl, String error, Map<String, String> values) {
        LoginFormsProvider form = form("register", checked).setAttribute("registerUrl", registerUrl.toString())
                .setAttribute("values", values);
        if (error != null) {
            form.setAttribute("registerError", error);
        }
        return form.setStatus(error == null ? Response.Status.OK : Response.Status.BAD_REQUEST).createForm(template);
    }

    public Response wrongUser(C checked, UserModel signedIn, URI switchUrl) {
        return form("wrongUser", checked)
                .setAttribute("signedInAs", nameOf(signedIn))
                .setAttribute("switchUrl", switchUrl.toString())
                .setStatus(Response.Status.FORBIDDEN)
                .createForm(template);
    }

    private LoginFormsProvider form(String page, C checked) {
        // The pages name the addressee, the firm and the inviter, and carry the form token: no cache keeps them.
        LoginFormsProvider form = session.getProvider(LoginFormsProvider.class).setAttribute("faPage", page)
                .setResponseHeader("Cache-Control", "no-store");
        if (checked != null) {
            form.setAttribute(detailsAttribute, details(checked));
            forms.attach(form, link);
        }
        return form;
    }

    private static String nameOf(UserModel user) {
        return user.getEmail() == null ? user.getUsername() : user.getEmail();
    }
}
