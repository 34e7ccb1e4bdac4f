package dev.firmaccess.keycloak.firm;

import dev.firmaccess.keycloak.access.AccessLevels;
import dev.firmaccess.keycloak.access.BusinessRepository;
import dev.firmaccess.keycloak.access.GrantRepository;
import dev.firmaccess.keycloak.audit.AuditLog;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.invitation.InvitationRepository;
import dev.firmaccess.keycloak.portal.PortalMembershipRepository;
import dev.firmaccess.keycloak.settings.FirmAccessSettings;
import dev.firmaccess.keycloak.staff.StaffRepository;
import dev.firmaccess.keycloak.team.TeamDirectory;
import jakarta.persistence.EntityManager;
import java.util.function.Supplier;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/** One request's view of one firm: who acts, the realm's settings, and the firm's stores. */
public final class FirmContext {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OrganizationModel firm;
    private final FirmActor actor;
    private final FirmAccessSettings settings;
    private final EntityManager em;
    private final OrganizationProvider organizations;
    private final AuditLog audit;

    FirmContext(KeycloakSession session, OrganizationModel firm, FirmActor actor,
            Supplier<AdminEventBuilder> adminEvents) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.firm = firm;
        this.actor = actor;
        this.settings = FirmAccessSettings.of(realm);
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.organizations = session.getProvider(OrganizationProvider.class);
        this.audit = new AuditLog(em, realm.getId(), firm.getId(), actor.userId(), adminEvents);
    }

    public KeycloakSession session() {
        return session;
    }

    public RealmModel realm() {
        return realm;
    }

    public OrganizationModel firm() {
        return firm;
    }

    public FirmActor actor() {
        return actor;
    }

    public FirmAccessSettings settings() {
        return settings;
    }

    public AccessLevels levels() {
        return new AccessLevels(settings.accessLevels());
    }

    public AuditLog audit() {
        return audit;
    }

    public StaffRepository staff() {
        return new StaffRepository(em);
    }

    public BusinessRepository businesses() {
        return new BusinessRepository(em);
    }

    public GrantRepository grants() {
        return new GrantRepository(em);
    }

    public InvitationRepository invitations() {
        return new InvitationRepository(em);
    }

    public PortalMembershipRepository portal() {
        return new PortalMembershipRepository(em);
    }

    public TeamDirectory teams() {
        return new TeamDirectory(session, realm, organizations, firm);
    }

    public OrganizationProvider organizations() {
        return organizations;
    }

    /** A user of this firm's staff, or the 404 that unknown users and users of other firms get alike. */
    public UserModel requireStaffMember(String userId) {
        UserModel user = userId == null ? null : session.users().getUserById(realm, userId);
        if (user == null || !organizations.isMember(firm, user)) {
            throw FirmAccessException.notFound("Staff member not found");
        }
        return user;
    }

    /** A staff member's role: their stored role, or member when none was ever set. */
    public StaffRole roleOf(String userId) {
        return staff().find(firm.getId(), userId).map(s -> s.getRole()).orElse(StaffRole.MEMBER);
    }

    public FirmSummary summary() {
        return actor.staffRole()
                .map(role -> new FirmSummary(firm.getId(), firm.getAlias(), firm.getName(), role.canonicalName(),
                        settings.labelOf(role)))
                .orElseGet(() -> new FirmSummary(firm.getId(), firm.getAlias(), firm.getName(), null, null));
    }
}
