package dev.firmaccess.it.support;

/** A firm (a Keycloak organization) made for a test. */
public record Firm(String id, String alias, String name) {
}
