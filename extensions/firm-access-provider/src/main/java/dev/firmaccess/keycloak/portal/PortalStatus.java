package dev.firmaccess.keycloak.portal;

import java.util.Locale;

/**
 * The stored state of a portal membership. "Expired" is not stored: a pending membership whose
 * link has passed its expiry shows as expired (see {@link #wireName(PortalStatus, Long, long)}).
 */
public enum PortalStatus {
    PENDING,
    ACTIVE,
    CANCELLED;

    public static final String EXPIRED = "expired";

    /** The status a person sees: pending, active, cancelled, or expired for a pending one past its link's expiry. */
    public static String wireName(PortalStatus status, Long expiresAt, long now) {
        if (status == PENDING && expiresAt != null && now >= expiresAt) {
            return EXPIRED;
        }
        return status.name().toLowerCase(Locale.ROOT);
    }

    /** Whether a membership's current link may still be used to activate it. */
    public static boolean activatable(PortalStatus status, Long expiresAt, long now) {
        return status == PENDING && expiresAt != null && now < expiresAt;
    }
}
