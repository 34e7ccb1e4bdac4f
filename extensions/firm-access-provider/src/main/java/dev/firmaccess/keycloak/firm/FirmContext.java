package dev.firmaccess.keycloak.firm;

import dev.firmaccess.keycloak.audit.AuditLog;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.core.RealmUsers;
import dev.firmaccess.keycloak.settings.FirmAccessSettings;
import dev.firmaccess.keycloak.web.Limits;
import java.util.function.Supplier;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * One request's view of one firm: the session, the firm, who acts, the realm's settings and the audit
 * log the actions are recorded in. Each service builds the stores it needs from the session.
 */
public final class FirmContext {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OrganizationModel firm;
    private final FirmActor actor;
    private final CallerOrigin origin;
    private final FirmAccessSettings settings;
    private final OrganizationProvider organizations;
    private final AuditLog audit;
    private final Limits limits;
    private final ActingAs actingAs;

    FirmContext(KeycloakSession session, OrganizationModel firm, FirmActor actor, CallerOrigin origin,
            ActingAs actingAs, Supplier<AdminEventBuilder> adminEvents) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.firm = firm;
        this.actor = actor;
        this.origin = origin;
        this.settings = FirmAccessSettings.of(realm);
        this.organizations = session.getProvider(OrganizationProvider.class);
        this.audit = new AuditLog(session, realm.getId(), firm.getId(), actor.userId(), adminEvents);
        this.limits = Limits.of(session);
        this.actingAs = actingAs;
    }

    public KeycloakSession session() {
        return session;
    }

    /** The operator's bounds on lists, bulk calls and uploads. */
    public Limits limits() {
        return limits;
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

    /** Who acts, to act again as them after the request (see {@link FirmContexts#resume}). */
    public ActingAs actingAs() {
        return actingAs;
    }

    /** How the actor signed in for this request. */
    public CallerOrigin origin() {
        return origin;
    }

    public FirmAccessSettings settings() {
        return settings;
    }


    public AuditLog audit() {
        return audit;
    }







    public OrganizationProvider organizations() {
        return organizations;
    }

    /** A user of this firm's staff, or the 404 that unknown users and users of other firms get alike. */
    public UserModel requireStaffMember(String userId) {
        UserModel user = RealmUsers.find(session, realm, userId);
        if (user == null || !organizations.isMember(firm, user)) {
            throw FirmAccessException.notFound("Staff member not found");
        }
        return user;
    }


    public FirmSummary summary() {
        return actor.staffRole()
                .map(role -> new FirmSummary(firm.getId(), firm.getAlias(), firm.getName(), role.canonicalName(),
                        settings.labelOf(role)))
                .orElseGet(() -> new FirmSummary(firm.getId(), firm.getAlias(), firm.getName(), null, null));
    }
}
