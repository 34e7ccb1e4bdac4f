package dev.firmaccess.keycloak.portal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.keycloak.representations.JsonWebToken;

/**
 * The signed link of a portal activation: bound to the link id (the token id), the firm, the
 * address and the businesses it activates, and its expiry. Signed with the realm's key like the
 * staff invitation link; sending again gives a new link id, so older links stop working.
 */
public class PortalActivationToken extends JsonWebToken {

    public static final String TYPE = "firm-access-portal-activation";

    @JsonProperty("org")
    private String organizationId;

    @JsonProperty("email")
    private String email;

    @JsonProperty("bids")
    private List<String> businessIds;

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

    public List<String> getBusinessIds() {
        return businessIds;
    }

    public void setBusinessIds(List<String> businessIds) {
        this.businessIds = businessIds;
    }
}
