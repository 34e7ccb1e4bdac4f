package dev.firmaccess.keycloak.team;

/** A team as the API shows it. */
public record TeamView(String id, String name, long memberCount) {
}
