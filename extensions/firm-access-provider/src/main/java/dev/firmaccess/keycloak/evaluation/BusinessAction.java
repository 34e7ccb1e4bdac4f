package dev.firmaccess.keycloak.evaluation;

import dev.firmaccess.keycloak.access.AccessLevels;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The actions downstream apps ask about, and the access level each needs. This is the one place
 * that maps action names onto access levels: {@code read} needs any grant, {@code write} needs
 * a level that allows write ({@code full}, or a firm's own level defined so).
 */
public enum BusinessAction {
    READ(false),
    WRITE(true);

    private final boolean needsWrite;

    BusinessAction(boolean needsWrite) {
        this.needsWrite = needsWrite;
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
        return !needsWrite || levels.allowsWrite(effectiveLevel);
    }

    /** The grant levels that allow this action, for searches; null when a grant of any level does. */
    public List<String> grantingLevels(AccessLevels levels) {
        return needsWrite ? levels.all().stream().filter(levels::allowsWrite).toList() : null;
    }
}
