package dev.firmaccess.keycloak.access;

import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.settings.FirmAccessSettings;
import java.util.Collection;
import java.util.List;

/** The realm's access levels, strongest first. {@code full} is always defined and always the strongest. */
public final class AccessLevels {

    private final List<String> strongestFirst;

    /** The levels the realm's settings define. */
    public static AccessLevels of(FirmAccessSettings settings) {
        return new AccessLevels(settings.accessLevels());
    }

    public AccessLevels(List<String> strongestFirst) {
        this.strongestFirst = List.copyOf(strongestFirst);
    }

    public List<String> all() {
        return strongestFirst;
    }

    public String strongest() {
        return strongestFirst.get(0);
    }

    /** The level a request names, or the strongest when it names none; unknown levels are a 400. */
    public String require(String level) {
        if (level == null) {
            return strongest();
        }
        if (!strongestFirst.contains(level)) {
            throw FirmAccessException.badInput(
                    "Unknown access level '" + level + "'; this realm defines " + strongestFirst);
        }
        return level;
    }

    /** The strongest of some levels; a level the realm no longer defines ranks below all defined ones. */
    public String strongestOf(Collection<String> levels) {
        return levels.stream().min(java.util.Comparator.comparingInt(this::rank)).orElseThrow();
    }

    /** Whether holding {@code held} satisfies a need for {@code needed}. */
    public boolean satisfies(String held, String needed) {
        return rank(held) <= rank(needed);
    }

    private int rank(String level) {
        int index = strongestFirst.indexOf(level);
        return index < 0 ? strongestFirst.size() : index;
    }
}
