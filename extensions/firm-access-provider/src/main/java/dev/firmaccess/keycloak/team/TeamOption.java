package dev.firmaccess.keycloak.team;

/** A team as a picker offers it: an id to submit and a name to show. */
public record TeamOption(String id, String name) {
}
