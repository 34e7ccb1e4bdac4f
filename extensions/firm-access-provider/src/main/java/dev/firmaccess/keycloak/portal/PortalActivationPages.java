package dev.firmaccess.keycloak.portal;

import dev.firmaccess.keycloak.mail.AcceptProblem;
import dev.firmaccess.keycloak.mail.LinkForms;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * The activation pages, rendered by Keycloak's own login forms with the extension's login theme
 * (the "firm-access" client carries it), like the staff invitation pages.
 */
final class PortalActivationPages {

    static final String TEMPLATE = "firm-access-portal-activation.ftl";

    private final KeycloakSession session;
    private final PortalActivation activation;
    private final LinkForms forms;
    private final String link;

    /** The pages of one link; their forms carry the token {@link LinkForms} checks. */
    PortalActivationPages(KeycloakSession session, PortalActivation activation, String link) {
        this.session = session;
        this.activation = activation;
        this.forms = new LinkForms(session, session.getContext().getRealm());
        this.link = link;
    }

    /** The portal's own wording of a problem the staff invitation pages share. */
    static String messageKey(AcceptProblem problem) {
        return "firmAccessPortalProblem." + problem.name();
    }

    Response problem(AcceptProblem problem, UserModel signedIn) {
        LoginFormsProvider form = form("problem", null).setAttribute("problem", messageKey(problem));
        if (signedIn != null) {
            form.setAttribute("signedInAs", nameOf(signedIn));
        }
        return form.setStatus(Response.Status.fromStatusCode(problem.status())).createForm(TEMPLATE);
    }

    Response confirm(PortalActivation.Checked checked, URI activateUrl) {
        return form("confirm", checked).setAttribute("activateUrl", activateUrl.toString()).createForm(TEMPLATE);
    }

    Response signIn(PortalActivation.Checked checked, URI signInUrl) {
        return form("signIn", checked).setAttribute("signInUrl", signInUrl.toString()).createForm(TEMPLATE);
    }

    Response register(PortalActivation.Checked checked, URI registerUrl, String error, Map<String, String> values) {
        LoginFormsProvider form = form("register", checked).setAttribute("registerUrl", registerUrl.toString())
                .setAttribute("values", values);
        if (error != null) {
            form.setAttribute("registerError", error);
        }
        return form.setStatus(error == null ? Response.Status.OK : Response.Status.BAD_REQUEST).createForm(TEMPLATE);
    }

    Response wrongUser(PortalActivation.Checked checked, UserModel signedIn, URI switchUrl) {
        return form("wrongUser", checked)
                .setAttribute("signedInAs", nameOf(signedIn))
                .setAttribute("switchUrl", switchUrl.toString())
                .setStatus(Response.Status.FORBIDDEN)
                .createForm(TEMPLATE);
    }

    private LoginFormsProvider form(String page, PortalActivation.Checked checked) {
        LoginFormsProvider form = session.getProvider(LoginFormsProvider.class).setAttribute("faPage", page);
        if (checked != null) {
            form.setAttribute("activation", activation.details(checked));
            forms.attach(form, link);
        }
        return form;
    }

    private static String nameOf(UserModel user) {
        return user.getEmail() == null ? user.getUsername() : user.getEmail();
    }
}
