package dev.firmaccess.keycloak.console;

import java.util.Locale;
import java.util.Optional;

/**
 * Where sign-in returns to: a page of this realm's console, given as an absolute path with its
 * query. Anything else (another realm, another site, a scheme-relative {@code //host}, backslashes
 * that browsers read as slashes, encoded slashes or dot segments that leave the console once
 * decoded, control characters) is no return target, so sign-in cannot be made an open redirect.
 * Nor are the console's home (where sign-in lands anyway, and which takes a return target itself:
 * following it again would loop) and its sign-in callback.
 */
final class ConsoleReturnPath {

    /** Longer targets are no console page; the limit keeps the signed login cookie small. */
    static final int MAX_LENGTH = 1000;

    static final String CALLBACK = "callback";

    private ConsoleReturnPath() {
    }

    /**
     * The target when it is a page below {@code consolePath} (the console's absolute path, ending
     * with a slash), otherwise empty.
     */
    static Optional<String> of(String target, String consolePath) {
        if (target == null || target.length() > MAX_LENGTH || !target.startsWith(consolePath)) {
            return Optional.empty();
        }
        int query = target.indexOf('?');
        String path = (query < 0 ? target : target.substring(0, query)).toLowerCase(Locale.ROOT);
        String page = path.substring(consolePath.length());
        if (page.isEmpty() || page.equals(CALLBACK)) {
            return Optional.empty();
        }
        boolean safe = target.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '\\' && c != '#')
                && !path.contains("//") && !path.contains("%2f") && !path.contains("%5c") && !path.contains("%2e")
                && !path.contains("/./") && !path.contains("/../") && !path.endsWith("/.") && !path.endsWith("/..");
        return safe ? Optional.of(target) : Optional.empty();
    }
}
