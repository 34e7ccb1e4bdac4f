package dev.firmaccess.it.support;

/** A user of the test realm, who signs in with the shared test password. */
public record Person(String username, String id) {
}
