package dev.firmaccess.keycloak.core;

import java.util.Locale;
import java.util.Optional;

/** A staff member's role in one firm. Owners and admins reach every business of the firm. */
public enum StaffRole {
    OWNER,
    ADMIN,
    MEMBER;

    /** The name used in APIs, claims and storage. */
    public String canonicalName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean reachesAllBusinesses() {
        return this != MEMBER;
    }

    public static Optional<StaffRole> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (StaffRole role : values()) {
            if (role.canonicalName().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
