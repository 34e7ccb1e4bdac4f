package dev.firmaccess.keycloak.invitation;

import dev.firmaccess.keycloak.mail.Invitee;
import java.util.List;

/** Request and response shapes of the invitation endpoints. */
public final class InvitationViews {

    private InvitationViews() {
    }

    /** Body of an invite: everyone listed gets the same role, grants and teams. */
    public record InviteRequest(List<Invitee> invitees, String role, List<GrantInput> grants, List<String> teamIds,
            Long expiresAt) {
    }

    public record GrantInput(String businessId, String level) {
    }

    /** An invitation as owners and admins see it. {@code status} is pending, accepted, cancelled or expired. */
    public record Invitation(String id, String email, String firstName, String lastName, String role,
            String roleLabel, List<GrantInput> grants, List<String> teamIds, String status, boolean expired,
            String deliveryStatus, long createdAt, long expiresAt, Long lastSentAt, Long resendAllowedAt,
            String invitedBy, String acceptedBy, Long acceptedAt) {
    }

    /** The current link of a pending invitation, for sending by hand. */
    public record Link(String link, long expiresAt) {
    }
}
