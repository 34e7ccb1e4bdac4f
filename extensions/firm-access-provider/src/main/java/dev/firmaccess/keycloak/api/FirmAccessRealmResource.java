package dev.firmaccess.keycloak.api;

import dev.firmaccess.keycloak.console.ConsoleResource;
import dev.firmaccess.keycloak.evaluation.AccessEvaluationResource;
import dev.firmaccess.keycloak.invitation.InvitationAcceptResource;
import dev.firmaccess.keycloak.invitation.InvitationRepository;
import dev.firmaccess.keycloak.mail.MailEventResource;
import dev.firmaccess.keycloak.portal.PortalActivationResource;
import dev.firmaccess.keycloak.portal.PortalMembershipRepository;
import dev.firmaccess.keycloak.storage.Jpa;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;
import java.util.List;
import org.keycloak.models.KeycloakSession;

/** Root of {@code /realms/{realm}/firm-access}: each surface is a versioned sub-resource. */
public class FirmAccessRealmResource {

    private final KeycloakSession session;

    FirmAccessRealmResource(KeycloakSession session) {
        this.session = session;
    }

    @Path("access/v1")
    public AccessEvaluationResource access() {
        return new AccessEvaluationResource(session, () -> BearerAuth.require(session));
    }

    @Path("api/v1")
    public FirmApiResource api() {
        return new FirmApiResource(session);
    }

    /** The pages behind the link in an invitation email. */
    @Path("invitations")
    public InvitationAcceptResource invitations() {
        return new InvitationAcceptResource(session);
    }

    /** The pages behind the link in a portal activation email. */
    @Path("portal")
    public PortalActivationResource portal() {
        return new PortalActivationResource(session);
    }

    /** Delivery events of invitation emails, posted by the mail provider or relay. */
    @Path("mail-events")
    public MailEventResource mailEvents() {
        EntityManager em = Jpa.entityManager(session);
        // Staff invitations first: an event naming an address that both kinds last mailed at the same time is theirs.
        return new MailEventResource(session,
                List.of(new InvitationRepository(em), new PortalMembershipRepository(em)));
    }

    /** The firm console: server-rendered pages for owners, admins and members. */
    @Path("console")
    public ConsoleResource console() {
        return new ConsoleResource(session);
    }
}
