package dev.firmaccess.keycloak.mail;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.keycloak.representations.JsonWebToken;

/**
 * The token in the forms of a link's pages: the hashes of the link and of the browser's form
 * cookie, signed with the realm's keys, so a form counts only from that link's page in that browser.
 */
public class LinkFormToken extends JsonWebToken {

    static final String TYPE = "firm-access-link-form";

    @JsonProperty("lnk")
    private String linkHash;

    @JsonProperty("bnd")
    private String browserHash;

    public String getLinkHash() {
        return linkHash;
    }

    public void setLinkHash(String linkHash) {
        this.linkHash = linkHash;
    }

    public String getBrowserHash() {
        return browserHash;
    }

    public void setBrowserHash(String browserHash) {
        this.browserHash = browserHash;
    }
}
