package dev.firmaccess.keycloak.api;

/** A firm in the realm administrator's list. */
public record AdminFirm(String id, String alias, String name, boolean enabled) {
}
