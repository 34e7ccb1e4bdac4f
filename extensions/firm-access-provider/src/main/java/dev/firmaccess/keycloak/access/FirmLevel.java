package dev.firmaccess.keycloak.access;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.OrganizationModel;

/**
 * One access level a firm defines on top of the realm's. Kept as an attribute of the firm's
 * organization (one value per level, {@code name=write} or {@code name=read}): the levels are few,
 * belong to the firm alone, leave with its organization when it is removed, and are cached and
 * invalidated on every node by Keycloak's organization cache.
 *
 * @param name  the level's name, as grants, invitations and the token claim carry it
 * @param write whether the level lets its holder write, not only read
 */
public record FirmLevel(String name, boolean write) {

    static final String ATTRIBUTE = "firm-access.level";
    private static final String SEPARATOR = "=";
    private static final String WRITE = "write";
    private static final String READ = "read";

    /** The firm's own levels, by name. */
    static List<FirmLevel> of(OrganizationModel firm) {
        return firm.getAttributes().getOrDefault(ATTRIBUTE, List.of()).stream()
                .map(value -> value.split(SEPARATOR, 2))
                .filter(parts -> parts.length == 2)
                .map(parts -> new FirmLevel(parts[0], WRITE.equals(parts[1])))
                .sorted(Comparator.comparing(FirmLevel::name))
                .toList();
    }

    /** Replaces the firm's stored levels with these, keeping the organization's other attributes. */
    static void store(OrganizationModel firm, List<FirmLevel> levels) {
        Map<String, List<String>> attributes = new HashMap<>(firm.getAttributes());
        storeIn(attributes, levels);
        firm.setAttributes(attributes);
    }

    /** Replaces the levels in a firm's attributes, to be written by the caller. */
    static void storeIn(Map<String, List<String>> attributes, List<FirmLevel> levels) {
        if (levels.isEmpty()) {
            attributes.remove(ATTRIBUTE);
        } else {
            attributes.put(ATTRIBUTE,
                    levels.stream().map(level -> level.name() + SEPARATOR + (level.write() ? WRITE : READ)).toList());
        }
    }
}
