package dev.firmaccess.keycloak.mail;

/** Why an invitation link cannot be used; each has its own explanation in the login theme. */
public enum AcceptProblem {
    /** Not a link we issued: tampered, truncated, or from another realm. */
    INVALID("firmAccessInvitationInvalid", 400),
    EXPIRED("firmAccessInvitationExpired", 410),
    CANCELLED("firmAccessInvitationCancelled", 410),
    /** Accepted already: a link works once. */
    USED("firmAccessInvitationUsed", 410),
    /** A newer email replaced this link. */
    REPLACED("firmAccessInvitationReplaced", 410),
    FIRM_UNAVAILABLE("firmAccessInvitationFirmUnavailable", 410),
    /** Its sender was removed or demoted, and so could no longer grant the invited role. */
    INVITER_LOST_RIGHTS("firmAccessInvitationInviterLostRights", 410),
    ALREADY_MEMBER("firmAccessInvitationAlreadyMember", 409),
    WRONG_USER("firmAccessInvitationWrongUser", 403),
    /** The account's address is the invited one but not verified: the link alone proves nothing about the account. */
    EMAIL_NOT_VERIFIED("firmAccessInvitationEmailNotVerified", 403),
    /** A form not sent from the page of this link in this browser: another site may have posted it. */
    FORM_EXPIRED("firmAccessInvitationFormExpired", 403);

    private final String messageKey;
    private final int status;

    AcceptProblem(String messageKey, int status) {
        this.messageKey = messageKey;
        this.status = status;
    }

    public String messageKey() {
        return messageKey;
    }

    public int status() {
        return status;
    }
}
