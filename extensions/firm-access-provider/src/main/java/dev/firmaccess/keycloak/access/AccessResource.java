package dev.firmaccess.keycloak.access;

import dev.firmaccess.keycloak.access.AccessViews.Explanation;
import dev.firmaccess.keycloak.access.GrantViews.AccessReplacement;
import dev.firmaccess.keycloak.access.GrantViews.LevelInput;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmPermission;
import dev.firmaccess.keycloak.web.JsonBodies;
import dev.firmaccess.keycloak.web.Pages;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.BiConsumer;
import org.keycloak.models.UserModel;

/** {@code .../staff/{userId}/access}: one person's effective access, its explanation, and changes to it. */
public class AccessResource {

    private final FirmContext context;
    private final String userId;

    public AccessResource(FirmContext context, String userId) {
        this.context = context;
        this.userId = userId;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response read(@QueryParam("search") String search, @QueryParam("first") String first,
            @QueryParam("max") String max) {
        AccessService access = new AccessService(context, readableMember());
        return Pages.of(first, max, context.limits(), (from, size) -> access.page(search, from, size),
                () -> access.count(search));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response replace(String body) {
        return changeDirect((grants, member) -> {
            AccessReplacement replacement = JsonBodies.read(body, AccessReplacement.class, context.limits());
            grants.replaceDirect(member, replacement.grants(), replacement.scope());
        });
    }

    @POST
    @Path("assign-all")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response assignAll(String body) {
        return changeDirect((grants, member) -> {
            LevelInput input = body == null || body.isBlank() ? new LevelInput(null) : JsonBodies.read(body, LevelInput.class, context.limits());
            grants.assignAll(member, input.level());
        });
    }

    @GET
    @Path("explain")
    @Produces(MediaType.APPLICATION_JSON)
    public Response explain(@QueryParam("businessId") String businessId, @QueryParam("search") String search,
            @QueryParam("first") String first, @QueryParam("max") String max) {
        AccessService access = new AccessService(context, readableMember());
        if (businessId != null) {
            List<Explanation> one = access.explain(new BusinessService(context).require(businessId)).stream().toList();
            return Pages.of(one, one.size());
        }
        return Pages.of(first, max, context.limits(), (from, size) -> access.explain(search, from, size),
                () -> access.count(search));
    }

    /**
     * Changing anyone's direct grants needs the right to manage, checked before the member is looked
     * up or the body read; the answer is the member's access as it now is, its first page.
     */
    private Response changeDirect(BiConsumer<GrantService, UserModel> change) {
        context.actor().require(FirmPermission.MANAGE);
        UserModel member = context.requireStaffMember(userId);
        change.accept(new GrantService(context), member);
        return read(null, null, null);
    }

    /** Staff may read their own access; reading anyone else's needs owner or admin rights. */
    private UserModel readableMember() {
        if (!context.actor().is(userId)) {
            context.actor().require(FirmPermission.VIEW_ALL);
        }
        return context.requireStaffMember(userId);
    }
}
