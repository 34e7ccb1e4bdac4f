package dev.firmaccess.keycloak.sso;

import dev.firmaccess.keycloak.core.StaffRole;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.OrganizationModel;

/**
 * What a person who signs in through the firm's identity provider gets on joining: whether they
 * join automatically, their role (member or admin, never owner), their teams and their grants.
 * Kept as attributes of the firm's organization, so they live and go with it on every node.
 *
 * @param autoJoin whether a joiner becomes staff with these rules; off by default
 * @param role     the canonical role name, {@code member} or {@code admin}
 * @param teamIds  teams the joiner is added to
 * @param grants   businesses shared with the joiner directly
 */
public record JoinerRules(boolean autoJoin, String role, List<String> teamIds, List<JoinerGrant> grants) {

    /** One default grant of the rules. */
    public record JoinerGrant(String businessId, String level) {
    }

    static final String PREFIX = "firm-access.joiner.";
    static final String AUTO_JOIN = PREFIX + "auto-join";
    static final String ROLE = PREFIX + "role";
    static final String TEAM = PREFIX + "team";
    static final String GRANT = PREFIX + "grant";
    private static final String LEVEL_SEPARATOR = "=";

    /** The rules stored for the firm; a firm without any joins nobody automatically. */
    static JoinerRules of(OrganizationModel firm) {
        return of(firm.getAttributes());
    }

    /** The rules in a firm's organization attributes. */
    static JoinerRules of(Map<String, List<String>> attributes) {
        return new JoinerRules(
                "true".equals(first(attributes.get(AUTO_JOIN))),
                storedRole(first(attributes.get(ROLE))).canonicalName(),
                List.copyOf(attributes.getOrDefault(TEAM, List.of())),
                attributes.getOrDefault(GRANT, List.of()).stream()
                        .map(value -> value.split(LEVEL_SEPARATOR, 2))
                        .filter(parts -> parts.length == 2)
                        .map(parts -> new JoinerGrant(parts[0], parts[1]))
                        .toList());
    }

    /** The role the rules give: member or admin; anything else (say an attribute edited by hand) counts as member. */
    StaffRole joinerRole() {
        return storedRole(role);
    }

    private static StaffRole storedRole(String value) {
        return StaffRole.parse(value).filter(role -> role != StaffRole.OWNER).orElse(StaffRole.MEMBER);
    }

    /** Replaces the firm's stored rules with these, keeping the organization's other attributes. */
    void storeIn(OrganizationModel firm) {
        Map<String, List<String>> attributes = new HashMap<>(firm.getAttributes());
        storeIn(attributes);
        firm.setAttributes(attributes);
    }

    /** Replaces the rules in a firm's organization attributes, to be written by the caller. */
    void storeIn(Map<String, List<String>> attributes) {
        attributes.put(AUTO_JOIN, List.of(Boolean.toString(autoJoin)));
        attributes.put(ROLE, List.of(role));
        putOrRemove(attributes, TEAM, teamIds);
        putOrRemove(attributes, GRANT, grants.stream().map(g -> g.businessId() + LEVEL_SEPARATOR + g.level()).toList());
    }

    private static void putOrRemove(Map<String, List<String>> attributes, String name, List<String> values) {
        if (values.isEmpty()) {
            attributes.remove(name);
        } else {
            attributes.put(name, values);
        }
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
