package dev.firmaccess.keycloak.storage;

import java.util.Locale;

/** A case-insensitive "contains" pattern for JPQL {@code like ... escape '\'}, with the user's wildcards escaped. */
public final class LikePattern {

    public static final String ESCAPE = " escape '\\'";

    private LikePattern() {
    }

    public static String contains(String search) {
        String escaped = search.trim().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
