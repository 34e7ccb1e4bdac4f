package dev.firmaccess.keycloak.portal;

import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.portal.PortalViews.PortalMembership;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code .../firms/{firm}/businesses/{businessId}/portal}: the client portal of one business. */
public class BusinessPortalResource {

    private final PortalService portal;
    private final String businessId;

    public BusinessPortalResource(FirmContext context, String businessId) {
        this.portal = new PortalService(context);
        this.businessId = businessId;
    }

    /** Sends the activation to every pre-provisioned owner of the business's portal who was never sent one. */
    @POST
    @Path("invite-owners")
    @Produces(MediaType.APPLICATION_JSON)
    public List<PortalMembership> inviteOwners() {
        return portal.inviteOwners(businessId);
    }
}
