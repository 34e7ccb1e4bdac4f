package dev.firmaccess.keycloak.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The 201 answers of the firm API. */
public final class Created {

    private Created() {
    }

    /** 201 with the new resource, which lives at {@code id} below the collection the request was sent to. */
    public static Response at(UriInfo uri, String id, Object resource) {
        return Response.created(uri.getAbsolutePathBuilder().path(id).build()).entity(resource).build();
    }

    /** 201 with what the request made, as JSON, when it has no one place of its own to point to. */
    public static Response with(Object made) {
        return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON_TYPE).entity(made).build();
    }
}
