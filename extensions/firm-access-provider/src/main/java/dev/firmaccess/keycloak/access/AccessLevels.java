package dev.firmaccess.keycloak.access;

import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.settings.FirmAccessSettings;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.keycloak.models.OrganizationModel;

/**
 * The access levels a firm can grant: the realm's, strongest first ({@code full} always defined,
 * always the strongest and the realm's only level that allows write), then the firm's own
 * ({@link FirmLevel}), each allowing write or not. A level that allows write ranks above every
 * level that does not, so the strongest of someone's levels decides whether they may write.
 */
public final class AccessLevels {

    private final List<String> pickerOrder;
    private final Set<String> writers;
    private final List<String> strongestFirst;

    /** The levels the realm's settings define, without any firm's own. */
    public static AccessLevels of(FirmAccessSettings settings) {
        return new AccessLevels(settings.accessLevels());
    }

    /** The realm's levels and the firm's own. */
    public static AccessLevels of(FirmAccessSettings settings, OrganizationModel firm) {
        return new AccessLevels(settings.accessLevels(), FirmLevel.of(firm));
    }

    /** The levels of the firm the context acts in. */
    public static AccessLevels of(FirmContext context) {
        return of(context.settings(), context.firm());
    }

    public AccessLevels(List<String> realmStrongestFirst) {
        this(realmStrongestFirst, List.of());
    }

    AccessLevels(List<String> realmStrongestFirst, List<FirmLevel> firmLevels) {
        this.pickerOrder = Stream.concat(realmStrongestFirst.stream(), firmLevels.stream().map(FirmLevel::name))
                .distinct()
                .toList();
        this.writers = Stream.concat(Stream.of(FirmAccessSettings.FULL_ACCESS),
                firmLevels.stream().filter(FirmLevel::write).map(FirmLevel::name)).collect(Collectors.toSet());
        this.strongestFirst = pickerOrder.stream().sorted(Comparator.comparing(level -> !writers.contains(level)))
                .toList();
    }

    /** Every level in the order pickers show them: the realm's, then the firm's own. */
    public List<String> all() {
        return pickerOrder;
    }

    public String strongest() {
        return strongestFirst.get(0);
    }

    /** The level a request names, or the strongest when it names none; unknown levels are a 400. */
    public String require(String level) {
        if (level == null) {
            return strongest();
        }
        if (!pickerOrder.contains(level)) {
            throw FirmAccessException.of(ErrorCode.UNKNOWN_ACCESS_LEVEL,
                    "Unknown access level '" + level + "'; this firm defines " + pickerOrder);
        }
        return level;
    }

    /** Whether a level lets its holder write. */
    public boolean allowsWrite(String level) {
        return writers.contains(level);
    }

    /** The strongest of some levels; a level no longer defined ranks below all defined ones. */
    public String strongestOf(Collection<String> levels) {
        return levels.stream().min(Comparator.comparingInt(this::rank)).orElseThrow();
    }

    private int rank(String level) {
        int index = strongestFirst.indexOf(level);
        return index < 0 ? strongestFirst.size() : index;
    }
}
