package dev.firmaccess.keycloak.console;

import dev.firmaccess.keycloak.audit.AuditQuery;
import dev.firmaccess.keycloak.audit.AuditRecord;
import dev.firmaccess.keycloak.core.RealmUsers;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmPermission;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.keycloak.models.UserModel;

/** {@code .../console/firms/{firm}/audit}: the firm's changes, newest first, filtered by action and target. */
public class ConsoleAuditPage extends ConsolePageFamily {

    ConsoleAuditPage(ConsoleFirmResource firm, ConsolePages pages) {
        super(firm, pages);
    }

    @GET
    public Response list(@QueryParam("action") String action, @QueryParam("targetType") String targetType,
            @QueryParam("targetId") String targetId, @QueryParam("first") String first) {
        return firm.page((user, context) -> {
            context.actor().require(FirmPermission.VIEW_ALL);
            AuditQuery query = new AuditQuery(ConsoleFirmResource.blankToNull(action), null,
                    ConsoleFirmResource.blankToNull(targetType), ConsoleFirmResource.blankToNull(targetId), null, null);
            int offset = ConsoleFirmResource.offset(first);
            Map<String, Object> model = firm.model(user, context, "audit");
            model.put("entries", context.audit().page(query, offset, ConsoleFirmResource.PAGE_SIZE).stream()
                    .map(entry -> row(context, entry)).toList());
            model.put("action", action == null ? "" : action);
            model.put("targetType", targetType == null ? "" : targetType);
            model.put("targetId", targetId == null ? "" : targetId);
            model.put("search", "");
            ConsoleFirmResource.paging(model, offset, context.audit().count(query));
            return pages.render(200, "console-audit", user.auth().user(), model);
        });
    }

    /** An entry with its actor's username, when the actor still exists; their id otherwise. */
    private static Map<String, Object> row(FirmContext context, AuditRecord entry) {
        Map<String, Object> row = new HashMap<>();
        row.put("time", entry.time());
        row.put("action", entry.action());
        row.put("targetType", entry.targetType());
        row.put("targetId", entry.targetId() == null ? "" : entry.targetId());
        UserModel actor = RealmUsers.find(context.session(), context.realm(), entry.actorId());
        row.put("actor", actor != null ? actor.getUsername() : entry.actorId() == null ? "" : entry.actorId());
        return row;
    }
}
