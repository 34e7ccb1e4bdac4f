package dev.firmaccess.keycloak.invitation;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.firmaccess.keycloak.mail.FirmLinkToken;

/**
 * The signed link of an invitation: bound to the invitation, its email, its firm and its expiry.
 * Signed with the realm's internal HMAC key, like Keycloak's own action tokens; the id is the
 * invitation's current link id, so a resend makes older links stale.
 */
public class InvitationToken extends FirmLinkToken {

    public static final String TYPE = "firm-access-staff-invitation";

    @JsonProperty("iid")
    private String invitationId;

    public String getInvitationId() {
        return invitationId;
    }

    public void setInvitationId(String invitationId) {
        this.invitationId = invitationId;
    }
}
