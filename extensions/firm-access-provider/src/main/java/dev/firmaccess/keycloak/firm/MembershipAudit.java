package dev.firmaccess.keycloak.firm;

import org.keycloak.models.KeycloakSession;

/**
 * Whether a membership of a firm that changed in this request is audited by the change that made
 * it (an accepted invitation records {@code invitation.accepted}, a removal through the firm API
 * {@code staff.removed} with its actor). Keycloak's member-join and member-leave events cannot
 * tell, and their listeners record the changes Keycloak made by itself (its own Organizations pages
 * or API), so that every joining and every removal is recorded exactly once.
 */
public final class MembershipAudit {

    /** Which way the membership changed. */
    public enum Change {
        JOINED, LEFT
    }

    private MembershipAudit() {
    }

    /** Called before the change adds or removes the member, which then records the change itself. */
    public static void recordedByThisRequest(KeycloakSession session, Change change, String firmId, String userId) {
        session.setAttribute(key(change, firmId, userId), Boolean.TRUE);
    }

    public static boolean isRecordedByThisRequest(KeycloakSession session, Change change, String firmId,
            String userId) {
        return session.getAttribute(key(change, firmId, userId)) != null;
    }

    private static String key(Change change, String firmId, String userId) {
        return MembershipAudit.class.getName() + ":" + change + ":" + firmId + ":" + userId;
    }
}
