package dev.firmaccess.keycloak.firm;

/** A firm as one of its staff sees it in a list: which firm, and their role in it. */
public record FirmSummary(String id, String alias, String name, String role, String roleLabel) {
}
