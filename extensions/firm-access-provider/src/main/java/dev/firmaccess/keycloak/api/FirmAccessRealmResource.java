package dev.firmaccess.keycloak.api;

import dev.firmaccess.keycloak.console.ConsoleResource;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.evaluation.AccessEvaluationResource;
import dev.firmaccess.keycloak.invitation.InvitationAcceptResource;
import dev.firmaccess.keycloak.invitation.InvitationRepository;
import dev.firmaccess.keycloak.mail.MailEventResource;
import dev.firmaccess.keycloak.portal.PortalActivationResource;
import dev.firmaccess.keycloak.portal.PortalMembershipRepository;
import dev.firmaccess.keycloak.settings.FirmAccessSwitch;
import dev.firmaccess.keycloak.storage.Jpa;
import dev.firmaccess.keycloak.web.Limits;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;
import java.util.List;
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
            throw FirmAccessException.notFound("Firm Access is not turned on in this realm");
        }
    }

    @Path("access/v1")
    public AccessEvaluationResource access() {
        requireOn();
        return new AccessEvaluationResource(session, limits, () -> BearerAuth.require(session));
    }

    @Path("api/v1")
    public FirmApiResource api() {
        requireOn();
        return new FirmApiResource(session, limits);
    }

    /** The pages behind the link in an invitation email. */
    @Path("invitations/accept")
    public InvitationAcceptResource invitations() {
        requireOn();
        return new InvitationAcceptResource(session);
    }

    /** The pages behind the link in a portal activation email. */
    @Path("portal/activate")
    public PortalActivationResource portal() {
        requireOn();
        return new PortalActivationResource(session);
    }

    /** Delivery events of invitation emails, posted by the mail provider or relay. */
    @Path("mail-events")
    public MailEventResource mailEvents() {
        requireOn();
        EntityManager em = Jpa.entityManager(session);
        // Staff invitations first: an event naming an address that both kinds last mailed at the same time is theirs.
        return new MailEventResource(session, limits,
                List.of(new InvitationRepository(em), new PortalMembershipRepository(em)));
    }

    /** The firm console: server-rendered pages for owners, admins and members. */
    @Path("console")
    public ConsoleResource console() {
        requireOn();
        return new ConsoleResource(session);
    }
}
