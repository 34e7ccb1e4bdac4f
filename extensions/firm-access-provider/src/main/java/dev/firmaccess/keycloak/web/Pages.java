package dev.firmaccess.keycloak.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Paged responses: one page (a bare JSON array, or an object holding one), with the total in {@code X-Total-Count}. */
public final class Pages {

    public static final String TOTAL_HEADER = "X-Total-Count";

    private Pages() {
    }

    public static Response of(Object page, long total) {
        return Response.ok(page, MediaType.APPLICATION_JSON_TYPE).header(TOTAL_HEADER, total).build();
    }
}
