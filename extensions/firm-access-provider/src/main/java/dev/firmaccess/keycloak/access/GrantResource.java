package dev.firmaccess.keycloak.access;

import dev.firmaccess.keycloak.access.GrantViews.BulkGrants;
import dev.firmaccess.keycloak.access.GrantViews.BulkRevoke;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.web.JsonBodies;
import dev.firmaccess.keycloak.web.Limits;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** {@code .../firms/{firm}/grants}: bulk share and unshare, all-or-nothing. */
public class GrantResource {

    private final GrantService grants;
    private final Limits limits;

    public GrantResource(FirmContext context) {
        this.grants = new GrantService(context);
        this.limits = context.limits();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Integer> share(String body) {
        return Map.of("applied", grants.bulkShare(JsonBodies.read(body, BulkGrants.class, limits).grants()));
    }

    @POST
    @Path("revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Integer> revoke(String body) {
        return Map.of("revoked", grants.bulkRevoke(JsonBodies.read(body, BulkRevoke.class, limits).grants()));
    }
}
