package dev.firmaccess.keycloak.invitation;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.keycloak.representations.JsonWebToken;

/**
 * The signed link of an invitation: bound to the invitation, its email, its firm and its expiry.
 * Signed with the realm's internal HMAC key, like Keycloak's own action tokens; the id is the
 * invitation's current link id, so a resend makes older links stale.
 */
public class InvitationToken extends JsonWebToken {

    public static final String TYPE = "firm-access-staff-invitation";

    @JsonProperty("iid")
    private String invitationId;

    @JsonProperty("org")
    private String organizationId;

    @JsonProperty("email")
    private String email;

    public String getInvitationId() {
        return invitationId;
    }

    public void setInvitationId(String invitationId) {
        this.invitationId = invitationId;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public void setOrganizationId(String organizationId) {
        this.organizationId = organizationId;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
