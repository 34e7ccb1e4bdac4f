package dev.firmaccess.keycloak.portal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.firmaccess.keycloak.mail.FirmLinkToken;
import java.util.List;

/**
 * The signed link of a portal activation: bound to the link id (the token id), the firm, the
 * address and the businesses it activates, and its expiry. Signed with the realm's key like the
 * staff invitation link; sending again gives a new link id, so older links stop working.
 */
public class PortalActivationToken extends FirmLinkToken {

    public static final String TYPE = "firm-access-portal-activation";

    @JsonProperty("bids")
    private List<String> businessIds;

    public List<String> getBusinessIds() {
        return businessIds;
    }

    public void setBusinessIds(List<String> businessIds) {
        this.businessIds = businessIds;
    }
}
