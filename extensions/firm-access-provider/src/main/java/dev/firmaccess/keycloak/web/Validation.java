package dev.firmaccess.keycloak.web;

import dev.firmaccess.keycloak.core.FirmAccessException;

/** Checks of user-supplied text shared by every endpoint. */
public final class Validation {

    public static final int MAX_NAME_LENGTH = 255;

    private Validation() {
    }

    /** A required name: trimmed, not blank, at most 255 characters, no control characters. */
    public static String name(String value, String field) {
        if (value == null || value.isBlank()) {
            throw FirmAccessException.badInput("'" + field + "' is required");
        }
        return optionalText(value, field);
    }

    /** An optional text field: null when absent or blank, else checked like a name. */
    public static String optionalText(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw FirmAccessException.badInput("'" + field + "' must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw FirmAccessException.badInput("'" + field + "' must not contain control characters");
        }
        return trimmed;
    }
}
