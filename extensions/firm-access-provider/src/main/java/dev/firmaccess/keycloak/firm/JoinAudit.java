package dev.firmaccess.keycloak.firm;

import org.keycloak.models.KeycloakSession;

/**
 * Whether a new membership of a firm, made in this request, is audited by the change that made it
 * (an accepted invitation records {@code invitation.accepted}): Keycloak's member-join event cannot
 * tell, and every joining must be recorded exactly once.
 */
public final class JoinAudit {

    private JoinAudit() {
    }

    /** Called before the change adds the member, which then records the joining itself. */
    public static void recordedByThisRequest(KeycloakSession session, String firmId, String userId) {
        session.setAttribute(key(firmId, userId), Boolean.TRUE);
    }

    public static boolean isRecordedByThisRequest(KeycloakSession session, String firmId, String userId) {
        return session.getAttribute(key(firmId, userId)) != null;
    }

    private static String key(String firmId, String userId) {
        return JoinAudit.class.getName() + ":" + firmId + ":" + userId;
    }
}
