package dev.firmaccess.keycloak.firm;

import dev.firmaccess.keycloak.audit.AuditQuery;
import dev.firmaccess.keycloak.web.Pages;
import dev.firmaccess.keycloak.web.Paging;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code .../firms/{firm}/audit}: the firm's changes, newest first, filtered and paged. */
public class AuditResource {

    private final FirmContext context;

    public AuditResource(FirmContext context) {
        this.context = context;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("action") String action, @QueryParam("actorId") String actorId,
            @QueryParam("targetType") String targetType, @QueryParam("targetId") String targetId,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("first") String first, @QueryParam("max") String max) {
        context.actor().require(FirmPermission.VIEW_ALL);
        AuditQuery query = new AuditQuery(action, actorId, targetType, targetId, Paging.epochMillis(from, "from"), Paging.epochMillis(to, "to"));
        return Pages.of(first, max, context.limits(), (start, size) -> context.audit().page(query, start, size),
                () -> context.audit().count(query));
    }
}
