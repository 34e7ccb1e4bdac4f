package dev.firmaccess.keycloak.web;

import dev.firmaccess.keycloak.console.ConsoleResource;
import dev.firmaccess.keycloak.invitation.InvitationAcceptResource;
import dev.firmaccess.keycloak.invitation.MailEventResource;
import dev.firmaccess.keycloak.portal.PortalActivationResource;
import dev.firmaccess.keycloak.settings.FirmAccessSwitch;
import dev.firmaccess.keycloak.evaluation.AccessEvaluationResource;
import jakarta.ws.rs.Path;
import org.keycloak.models.KeycloakSession;

/**
 * Root of {@code /realms/{realm}/firm-access}: each surface is a versioned sub-resource. In a realm
 * where an administrator has not turned Firm Access on, every path answers 404.
 */
public class FirmAccessRealmResource {

    private final KeycloakSession session;
    private final Limits limits;

    FirmAccessRealmResource(KeycloakSession session, Limits limits) {
        this.session = session;
        this.limits = limits;
    }

    private void requireOn() {
        if (!FirmAccessSwitch.isOn(session.getContext().getRealm())) {
            throw ApiErrors.notFound("Firm Access is not turned on in this realm");
        }
    }

    @Path("access/v1")
    public AccessEvaluationResource access() {
        requireOn();
        return new AccessEvaluationResource(session, limits);
    }

    @Path("api/v1")
    public FirmApiResource api() {
        requireOn();
        return new FirmApiResource(session, limits);
    }

    /** The pages behind the link in an invitation email. */
    @Path("invitations")
    public InvitationAcceptResource invitations() {
        requireOn();
        return new InvitationAcceptResource(session);
    }

    /** The pages behind the link in a portal activation email. */
    @Path("portal")
    public PortalActivationResource portal() {
        requireOn();
        return new PortalActivationResource(session);
    }

    /** Delivery events of invitation emails, posted by the mail provider or relay. */
    @Path("mail-events")
    public MailEventResource mailEvents() {
        requireOn();
        return new MailEventResource(session, limits);
    }

    /** The firm console: server-rendered pages for owners, admins and members. */
    @Path("console")
    public ConsoleResource console() {
        requireOn();
        return new ConsoleResource(session);
    }
}
