package dev.firmaccess.keycloak.api;

import dev.firmaccess.keycloak.access.AccessResource;
import dev.firmaccess.keycloak.access.BusinessResource;
import dev.firmaccess.keycloak.access.FirmLevelResource;
import dev.firmaccess.keycloak.access.GrantResource;
import dev.firmaccess.keycloak.firm.AuditResource;
import dev.firmaccess.keycloak.firm.FirmActor;
import dev.firmaccess.keycloak.events.SubscriberResource;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmPermission;
import dev.firmaccess.keycloak.firm.FirmSummary;
import dev.firmaccess.keycloak.invitation.InvitationResource;
import dev.firmaccess.keycloak.levels.LevelUses;
import dev.firmaccess.keycloak.portal.BusinessPortalResource;
import dev.firmaccess.keycloak.portal.PortalResource;
import dev.firmaccess.keycloak.programmatic.ConnectionKeyResource;
import dev.firmaccess.keycloak.sso.SsoResource;
import dev.firmaccess.keycloak.staff.StaffResource;
import dev.firmaccess.keycloak.team.TeamResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * One firm's sub-resources. The firm API and the realm-admin API mount the same class; only the
 * {@link FirmActor} in the context differs, so both APIs always offer the same operations.
 */
public class FirmResource {

    private final FirmContext context;

    public FirmResource(FirmContext context) {
        this.context = context;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public FirmSummary summary() {
        context.actor().require(FirmPermission.VIEW_FIRM);
        return context.summary();
    }

    @Path("staff")
    public StaffResource staff() {
        return new StaffResource(context);
    }

    /** A staff member's effective access and why (mounted here: access ranks above staff). */
    @Path("staff/{userId}/access")
    public AccessResource staffAccess(@PathParam("userId") String userId) {
        return new AccessResource(context, userId);
    }

    /** A staff member's connection keys (mounted here: programmatic access ranks above staff). */
    @Path("staff/{userId}/keys")
    public ConnectionKeyResource staffKeys(@PathParam("userId") String userId) {
        return new ConnectionKeyResource(context, userId);
    }

    @Path("businesses")
    public BusinessResource businesses() {
        return new BusinessResource(context);
    }

    /** The client portal of one business (mounted here: the portal ranks above businesses). */
    @Path("businesses/{businessId}/portal")
    public BusinessPortalResource businessPortal(@PathParam("businessId") String businessId) {
        return new BusinessPortalResource(context, businessId);
    }

    @Path("grants")
    public GrantResource grants() {
        return new GrantResource(context);
    }

    @Path("levels")
    public FirmLevelResource levels() {
        return new FirmLevelResource(context, LevelUses.of(context));
    }

    @Path("teams")
    public TeamResource teams() {
        return new TeamResource(context);
    }

    @Path("invitations")
    public InvitationResource invitations() {
        return new InvitationResource(context);
    }

    @Path("portal")
    public PortalResource portal() {
        return new PortalResource(context);
    }

    @Path("sso")
    public SsoResource sso() {
        return new SsoResource(context);
    }

    @Path("event-subscribers")
    public SubscriberResource eventSubscribers() {
        return new SubscriberResource(context);
    }

    @Path("audit")
    public AuditResource audit() {
        return new AuditResource(context);
    }
}
