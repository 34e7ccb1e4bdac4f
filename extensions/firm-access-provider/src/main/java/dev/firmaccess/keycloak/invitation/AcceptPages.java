package dev.firmaccess.keycloak.invitation;

import dev.firmaccess.keycloak.mail.AcceptProblem;
import dev.firmaccess.keycloak.mail.LinkForms;
import dev.firmaccess.keycloak.settings.FirmAccessSettings;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;

/**
 * The invitation pages, rendered by Keycloak's own login forms with the extension's login
 * theme (the "firm-access" client carries it), so they look like the realm's other login pages.
 */
final class AcceptPages {

    static final String TEMPLATE = "firm-access-invitation.ftl";

    private final KeycloakSession session;
    private final LinkForms forms;
    private final String link;

    /** The pages of one link; their forms carry the token {@link LinkForms} checks. */
    AcceptPages(KeycloakSession session, String link) {
        this.session = session;
        this.forms = new LinkForms(session, session.getContext().getRealm());
        this.link = link;
    }

    Response problem(AcceptProblem problem, UserModel signedIn) {
        LoginFormsProvider form = form("problem", null, null);
        form.setAttribute("problem", problem.messageKey());
        if (signedIn != null) {
            form.setAttribute("signedInAs", signedIn.getEmail() == null ? signedIn.getUsername() : signedIn.getEmail());
        }
        return form.setStatus(Response.Status.fromStatusCode(problem.status())).createForm(TEMPLATE);
    }

    Response confirm(InvitationEntity invitation, OrganizationModel firm, URI acceptUrl) {
        return form("confirm", invitation, firm).setAttribute("acceptUrl", acceptUrl.toString()).createForm(TEMPLATE);
    }

    Response signIn(InvitationEntity invitation, OrganizationModel firm, URI signInUrl) {
        return form("signIn", invitation, firm).setAttribute("signInUrl", signInUrl.toString()).createForm(TEMPLATE);
    }

    Response register(InvitationEntity invitation, OrganizationModel firm, URI registerUrl, String error,
            Map<String, String> values) {
        LoginFormsProvider form = form("register", invitation, firm).setAttribute("registerUrl", registerUrl.toString())
                .setAttribute("values", values);
        if (error != null) {
            form.setAttribute("registerError", error);
        }
        return form.setStatus(error == null ? Response.Status.OK : Response.Status.BAD_REQUEST).createForm(TEMPLATE);
    }

    Response wrongUser(InvitationEntity invitation, OrganizationModel firm, UserModel signedIn, URI switchUrl) {
        return form("wrongUser", invitation, firm)
                .setAttribute("signedInAs", signedIn.getEmail() == null ? signedIn.getUsername() : signedIn.getEmail())
                .setAttribute("switchUrl", switchUrl.toString())
                .setStatus(Response.Status.FORBIDDEN)
                .createForm(TEMPLATE);
    }

    private LoginFormsProvider form(String page, InvitationEntity invitation, OrganizationModel firm) {
        LoginFormsProvider form = session.getProvider(LoginFormsProvider.class).setAttribute("faPage", page);
        if (invitation != null) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("firmName", firm.getName());
            details.put("email", invitation.getEmail());
            details.put("roleLabel", FirmAccessSettings.of(session.getContext().getRealm()).labelOf(invitation.getRole()));
            details.put("expiresAt", new java.util.Date(invitation.getExpiresAt()));
            form.setAttribute("invitation", details);
            forms.attach(form, link);
        }
        return form;
    }
}
