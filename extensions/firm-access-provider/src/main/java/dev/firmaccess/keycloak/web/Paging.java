package dev.firmaccess.keycloak.web;

/** A bounded window of a list: every list endpoint pages, and no page is unbounded. */
public record Paging(int first, int max) {

    public static final int DEFAULT_MAX = 100;
    public static final int LIMIT = 1000;

    public static Paging of(Integer first, Integer max) {
        int start = first == null ? 0 : first;
        int size = max == null ? DEFAULT_MAX : max;
        if (start < 0) {
            throw ApiErrors.badRequest("'first' must be 0 or more");
        }
        if (size < 1 || size > LIMIT) {
            throw ApiErrors.badRequest("'max' must be between 1 and " + LIMIT);
        }
        return new Paging(start, size);
    }
}
