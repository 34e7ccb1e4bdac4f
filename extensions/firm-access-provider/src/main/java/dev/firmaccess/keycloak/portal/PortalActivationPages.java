package dev.firmaccess.keycloak.portal;

import dev.firmaccess.keycloak.mail.AcceptProblem;
import dev.firmaccess.keycloak.mail.LinkForms;
import dev.firmaccess.keycloak.mail.LinkPageForms;
import java.util.Map;
import org.keycloak.models.KeycloakSession;

/**
 * The activation pages, rendered by Keycloak's own login forms with the extension's login theme
 * (the "firm-access" client carries it), like the staff invitation pages.
 */
final class PortalActivationPages extends LinkPageForms<PortalActivation.Checked> {

    static final String TEMPLATE = "firm-access-portal-activation.ftl";

    private final PortalActivation activation;

    /** The pages of one link; their forms carry the token {@link LinkForms} checks. */
    PortalActivationPages(KeycloakSession session, PortalActivation activation, String link) {
        super(session, link, TEMPLATE, "activation", "activateUrl");
        this.activation = activation;
    }

    @Override
    protected Map<String, Object> details(PortalActivation.Checked checked) {
        return activation.details(checked);
    }

    /** The portal's own wording of a problem the staff invitation pages share. */
    @Override
    protected String messageKey(AcceptProblem problem) {
        return "firmAccessPortalProblem." + problem.name();
    }
}
