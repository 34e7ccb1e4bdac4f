package dev.firmaccess.keycloak.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.LongSupplier;

/** Paged responses: one page (a bare JSON array, or an object holding one), with the total in {@code X-Total-Count}. */
public final class Pages {

    public static final String TOTAL_HEADER = "X-Total-Count";

    private Pages() {
    }

    public static Response of(Object page, long total) {
        return Response.ok(page, MediaType.APPLICATION_JSON_TYPE).header(TOTAL_HEADER, total).build();
    }

    /**
     * The window of a list that the query values {@code first} and {@code max} ask for, with the
     * list's total. The window is asked for first, so the service's permission check in it runs
     * before anything is counted.
     */
    public static Response of(String first, String max, Limits limits, Window window, LongSupplier total) {
        Paging paging = Paging.of(first, max, limits);
        return of(window.items(paging.first(), paging.max()), total.getAsLong());
    }

    /** One window of a list, as a service answers it: a JSON array, or an object holding one. */
    @FunctionalInterface
    public interface Window {
        Object items(int first, int max);
    }
}
