package dev.firmaccess.keycloak.access;

import dev.firmaccess.keycloak.access.BusinessRepository.ArchiveFilter;
import dev.firmaccess.keycloak.access.GrantViews.BusinessGrant;
import dev.firmaccess.keycloak.access.GrantViews.LevelInput;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.web.Created;
import dev.firmaccess.keycloak.web.JsonBodies;
import dev.firmaccess.keycloak.web.Limits;
import dev.firmaccess.keycloak.web.Pages;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;

/** {@code .../firms/{firm}/businesses}: the firm's client businesses and who they are shared with. */
public class BusinessResource {

    private final BusinessService businesses;
    private final GrantService grants;
    private final Limits limits;

    public BusinessResource(FirmContext context) {
        this.businesses = new BusinessService(context);
        this.grants = new GrantService(context);
        this.limits = context.limits();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("search") String search, @QueryParam("archived") String archived,
            @QueryParam("first") String first, @QueryParam("max") String max) {
        ArchiveFilter filter = archiveFilter(archived);
        return Pages.of(first, max, limits, (from, size) -> businesses.page(search, filter, from, size),
                () -> businesses.count(search, filter));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body, @Context UriInfo uri) {
        BusinessInput input = JsonBodies.read(body, BusinessInput.class, limits);
        BusinessView created = businesses.create(input.name(), input.externalRef());
        return Created.at(uri, created.id(), created);
    }

    /** Many businesses in one call, all or nothing; the created ones in the order given. */
    @POST
    @Path("bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, List<BusinessView>> createAll(String body) {
        return Map.of("created", businesses.createAll(JsonBodies.read(body, BulkBusinesses.class, limits).businesses()));
    }

    @GET
    @Path("{businessId}")
    @Produces(MediaType.APPLICATION_JSON)
    public BusinessView get(@PathParam("businessId") String businessId) {
        return businesses.get(businessId);
    }

    @PUT
    @Path("{businessId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public BusinessView update(@PathParam("businessId") String businessId, String body) {
        BusinessInput input = JsonBodies.read(body, BusinessInput.class, limits);
        return businesses.update(businessId, input.name(), input.externalRef());
    }

    @DELETE
    @Path("{businessId}")
    public Response delete(@PathParam("businessId") String businessId) {
        businesses.delete(businessId);
        return Response.noContent().build();
    }

    @POST
    @Path("{businessId}/archive")
    @Produces(MediaType.APPLICATION_JSON)
    public BusinessView archive(@PathParam("businessId") String businessId) {
        return businesses.setArchived(businessId, true);
    }

    @POST
    @Path("{businessId}/restore")
    @Produces(MediaType.APPLICATION_JSON)
    public BusinessView restore(@PathParam("businessId") String businessId) {
        return businesses.setArchived(businessId, false);
    }

    @GET
    @Path("{businessId}/grants")
    @Produces(MediaType.APPLICATION_JSON)
    public Response grants(@PathParam("businessId") String businessId, @QueryParam("first") String first,
            @QueryParam("max") String max) {
        BusinessEntity business = businesses.require(businessId);
        return Pages.of(first, max, limits, (from, size) -> grants.forBusiness(business, from, size),
                () -> grants.countForBusiness(business));
    }

    @PUT
    @Path("{businessId}/grants/{subjectType:users|teams}/{subjectId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public BusinessGrant share(@PathParam("businessId") String businessId,
            @PathParam("subjectType") String subjectType, @PathParam("subjectId") String subjectId, String body) {
        grants.requireMayShare();
        LevelInput input = body == null || body.isBlank() ? new LevelInput(null) : JsonBodies.read(body, LevelInput.class, limits);
        return grants.share(businessId, subjectTypeOfPath(subjectType), subjectId, input.level());
    }

    @DELETE
    @Path("{businessId}/grants/{subjectType:users|teams}/{subjectId}")
    public Response unshare(@PathParam("businessId") String businessId, @PathParam("subjectType") String subjectType,
            @PathParam("subjectId") String subjectId) {
        grants.unshare(businessId, subjectTypeOfPath(subjectType), subjectId);
        return Response.noContent().build();
    }

    private static GrantSubjectType subjectTypeOfPath(String segment) {
        return "teams".equals(segment) ? GrantSubjectType.TEAM : GrantSubjectType.USER;
    }

    private static ArchiveFilter archiveFilter(String value) {
        if (value == null || value.equals("false")) {
            return ArchiveFilter.ACTIVE;
        }
        if (value.equals("true")) {
            return ArchiveFilter.ARCHIVED;
        }
        if (value.equals("any")) {
            return ArchiveFilter.ANY;
        }
        throw FirmAccessException.badInput("'archived' must be false, true or any");
    }

    /** Body of a business creation or update. */
    public record BusinessInput(String name, String externalRef) {
    }

    /** Body of a bulk creation. */
    public record BulkBusinesses(List<BusinessInput> businesses) {
    }
}
