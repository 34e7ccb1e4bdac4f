package dev.firmaccess.keycloak.mail;

/** What checking a mailed link answers, as far as its pages need it. */
public interface LinkCheck {

    /** The problem that stops the link, or null when it is usable. */
    AcceptProblem problem();

    /** The address the link was sent to; only asked of a usable link. */
    String email();

    default boolean ok() {
        return problem() == null;
    }
}
