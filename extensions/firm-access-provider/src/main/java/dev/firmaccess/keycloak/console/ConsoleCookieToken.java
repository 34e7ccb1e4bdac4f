package dev.firmaccess.keycloak.console;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.keycloak.representations.JsonWebToken;

/**
 * What the console keeps in its cookies, signed with the realm's active keys so any node can
 * check it. A session cookie names the Keycloak user session and carries the CSRF token; a login
 * cookie carries the OAuth state and PKCE verifier between the redirect and the callback, and the
 * console page to return to after sign-in.
 */
public class ConsoleCookieToken extends JsonWebToken {

    static final String SESSION = "firm-console-session";
    static final String LOGIN = "firm-console-login";

    @JsonProperty("sid")
    private String sessionId;

    @JsonProperty("csrf")
    private String csrf;

    @JsonProperty("state")
    private String state;

    @JsonProperty("verifier")
    private String verifier;

    @JsonProperty("ret")
    private String returnPath;

    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }

    public String getCsrf() {
        return csrf;
    }

    public void setCsrf(String csrf) {
        this.csrf = csrf;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getVerifier() {
        return verifier;
    }

    public void setVerifier(String verifier) {
        this.verifier = verifier;
    }

    public String getReturnPath() {
        return returnPath;
    }

    public void setReturnPath(String returnPath) {
        this.returnPath = returnPath;
    }
}
