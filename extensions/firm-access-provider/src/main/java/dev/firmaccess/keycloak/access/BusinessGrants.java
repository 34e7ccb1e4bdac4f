package dev.firmaccess.keycloak.access;

import java.util.List;

/** An active business's firm and the grants on it that reach one user, directly or through any of their groups. */
public record BusinessGrants(String organizationId, List<GrantRow> grants) {
}
