package dev.firmaccess.keycloak.storage;

import java.util.Locale;

/** "Contains" patterns for JPQL {@code like ... escape '\'}, with the wildcards of the text escaped. */
public final class LikePattern {

    public static final String ESCAPE = " escape '\\'";

    private LikePattern() {
    }

    /** Case-insensitive: for a search a person typed, matched against lower-cased columns. */
    public static String contains(String search) {
        return containsExactly(search.trim().toLowerCase(Locale.ROOT));
    }

    /** Case-sensitive: for a stored fragment, such as a name inside stored JSON. */
    public static String containsExactly(String text) {
        String escaped = text
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
