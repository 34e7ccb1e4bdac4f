package dev.firmaccess.keycloak.console;

import dev.firmaccess.keycloak.access.FirmLevelService;
import dev.firmaccess.keycloak.firm.FirmPermission;
import dev.firmaccess.keycloak.levels.LevelUses;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * {@code .../console/firms/{firm}/levels}: the realm's access levels and the firm's own; owners add
 * levels and delete them, moving the grants of a level in use to another.
 */
public class ConsoleLevelPages extends ConsolePageFamily {

    ConsoleLevelPages(ConsoleFirmResource firm, ConsolePages pages) {
        super(firm, pages);
    }

    @GET
    public Response list() {
        return firm.page((user, context) -> {
            Map<String, Object> model = firm.model(user, context, "levels");
            model.put("accessLevels", new FirmLevelService(context).list());
            model.put("mayDefine", context.actor().may(FirmPermission.MANAGE_OWNERS));
            return pages.render(200, "console-levels", user.auth().user(), model);
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        return firm.change(form, "levels", context -> {
            new FirmLevelService(context).create(form.getFirst("name"), "on".equals(form.getFirst("write")));
        });
    }

    @POST
    @Path("{name}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("name") String name, MultivaluedMap<String, String> form) {
        return firm.change(form, "levels", context -> {
            new FirmLevelService(context).delete(name, ConsoleFirmResource.blankToNull(form.getFirst("moveTo")),
                    LevelUses.of(context));
        });
    }
}
