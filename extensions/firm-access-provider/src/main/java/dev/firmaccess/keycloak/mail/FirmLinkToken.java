package dev.firmaccess.keycloak.mail;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.keycloak.representations.JsonWebToken;

/**
 * What every emailed link of a firm is bound to besides its id and expiry: the firm and the
 * address it was sent to. Staff invitation and portal activation tokens extend it.
 */
public class FirmLinkToken extends JsonWebToken {

    @JsonProperty("org")
    private String organizationId;

    @JsonProperty("email")
    private String email;

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
