package dev.firmaccess.keycloak.mail;

/**
 * A rendered email waiting in the outbox, as its payload.
 *
 * @param kind    the metrics' kind tag, e.g. {@code invitation}
 * @param linkId  the link the mail carries: the rows that share it are what the mail is about
 * @param to      the recipient's address
 */
record QueuedMail(String kind, String linkId, String to, String subject, String text, String html) {
}
