package dev.firmaccess.keycloak.evaluation;

import dev.firmaccess.keycloak.access.AccessLevels;
import dev.firmaccess.keycloak.settings.FirmAccessSettings;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The actions downstream apps ask about, and the access level each needs. This is the one place
 * that maps action names onto access levels: {@code read} needs any grant, {@code write} needs
 * {@code full}.
 */
public enum BusinessAction {
    READ(null),
    WRITE(FirmAccessSettings.FULL_ACCESS);

    private final String neededLevel;

    BusinessAction(String neededLevel) {
        this.neededLevel = neededLevel;
    }

    public String actionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BusinessAction> parse(String name) {
        for (BusinessAction action : values()) {
            if (action.actionName().equals(name)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    /** Whether an effective level (null when the subject reaches the business by no path) allows this action. */
    public boolean allows(String effectiveLevel, AccessLevels levels) {
        if (effectiveLevel == null) {
            return false;
        }
        return neededLevel == null || levels.satisfies(effectiveLevel, neededLevel);
    }

    /** The grant levels that allow this action, for searches; null when a grant of any level does. */
    public List<String> grantingLevels(AccessLevels levels) {
        return neededLevel == null
                ? null
                : levels.all().stream().filter(level -> levels.satisfies(level, neededLevel)).toList();
    }
}
