package dev.firmaccess.keycloak.portal;

import java.util.Locale;
import java.util.Optional;

/** A portal user's role in one business workspace: a co-owner of the client business, or a guest. */
public enum PortalRole {
    OWNER,
    GUEST;

    /** The name used in APIs and claims. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PortalRole> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (PortalRole role : values()) {
            if (role.wireName().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
