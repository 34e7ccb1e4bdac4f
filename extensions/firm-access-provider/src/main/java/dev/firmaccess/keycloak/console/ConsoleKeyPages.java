package dev.firmaccess.keycloak.console;

import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.programmatic.ConnectionKeyService;
import dev.firmaccess.keycloak.programmatic.CreatedConnectionKey;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * {@code .../console/firms/{firm}/keys}: the signed-in staff member's own connection keys. A new
 * key's text is in the answer to its creation only, never on a page that can be opened again.
 */
public class ConsoleKeyPages extends ConsoleListPages<CreatedConnectionKey> {

    ConsoleKeyPages(ConsoleFirmResource firm, ConsolePages pages) {
        super(firm, pages);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        return firm.action(form, (user, context) -> render(user, context, 0,
                new ConnectionKeyService(context).create(context.actor().userId(), form.getFirst("name"))));
    }

    @POST
    @Path("{keyId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("keyId") String keyId, MultivaluedMap<String, String> form) {
        return firm.change(form, "keys", context -> {
            new ConnectionKeyService(context).revoke(context.actor().userId(), keyId);
        });
    }

    @Override
    Response render(ConsoleUser user, FirmContext context, int offset, CreatedConnectionKey created) {
        ConnectionKeyService keys = new ConnectionKeyService(context);
        String self = context.actor().userId();
        Map<String, Object> model = firm.model(user, context, "keys");
        model.put("keys", keys.page(self, offset, ConsoleFirmResource.PAGE_SIZE));
        model.put("search", "");
        if (created != null) {
            model.put("created", created);
        }
        ConsoleFirmResource.paging(model, offset, keys.count(self));
        return pages.render(200, "console-keys", user.auth().user(), model);
    }
}
