package dev.firmaccess.keycloak.web;

import dev.firmaccess.keycloak.core.FirmAccessException;

/**
 * A bounded window of a list: every list endpoint pages, and no page is unbounded. Query values
 * arrive as text so that a malformed number is a 400 with our error shape rather than the 404
 * that JAX-RS gives a query parameter it cannot convert.
 */
public record Paging(int first, int max) {

    public static final int DEFAULT_MAX = 100;

    /** The window the query asks for, within the operator's {@link Limits#pageSize()}. */
    public static Paging of(String first, String max, Limits limits) {
        int start = first == null ? 0 : integer(first, "first");
        int limit = limits.pageSize();
        int size = max == null ? Math.min(DEFAULT_MAX, limit) : integer(max, "max");
        if (start < 0) {
            throw FirmAccessException.badInput("'first' must be 0 or more");
        }
        if (size < 1 || size > limit) {
            throw FirmAccessException.badInput("'max' must be between 1 and " + limit);
        }
        return new Paging(start, size);
    }

    /** An optional epoch-milliseconds query value. */
    public static Long epochMillis(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException malformed) {
            throw FirmAccessException.badInput("'" + name + "' must be a time in epoch milliseconds");
        }
    }

    private static int integer(String value, String name) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException malformed) {
            throw FirmAccessException.badInput("'" + name + "' must be a whole number");
        }
    }
}
