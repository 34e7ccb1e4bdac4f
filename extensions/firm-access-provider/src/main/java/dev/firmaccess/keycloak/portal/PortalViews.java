package dev.firmaccess.keycloak.portal;

import dev.firmaccess.keycloak.mail.Invitee;
import java.util.List;

/** Request and response shapes of the portal endpoints. */
public final class PortalViews {

    private PortalViews() {
    }

    /**
     * Body of an invite: everyone listed (at most the operator's invitee limit, as for staff) gets
     * the same business, role, level and message. {@code send} defaults to true; false pre-provisions
     * owners whose activation is sent later.
     */
    public record InviteRequest(String businessId, String role, String level, String message, Boolean send,
            List<Invitee> invitees) {
    }

    /** Body of adding an already-active portal user of the firm to another business. */
    public record AddRequest(String userId, String businessId, String role, String level) {
    }

    /**
     * A membership as the firm's staff see it. {@code status} is pending, active, cancelled or
     * expired; {@code delivery} is the activation mail's delivery status; times are epoch milliseconds.
     */
    public record PortalMembership(String id, String businessId, String businessName, String email,
            String firstName, String lastName, String userId, String role, String level, String status,
            String delivery, String message, String invitedBy, long createdAt, Long invitedAt, Long expiresAt,
            Long activatedAt, Long lastLoginAt, Long resendAvailableAt) {
    }

    /** The current activation link of a pending membership, for sending by hand. */
    public record Link(String url, long expiresAt) {
    }

    /** One workspace of the portal user's own view. */
    public record Workspace(FirmRef firm, BusinessRef business, String role, String level) {
    }

    public record FirmRef(String id, String alias, String name) {
    }

    public record BusinessRef(String id, String name) {
    }
}
