package dev.firmaccess.keycloak.sso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.sso.JoinerRules.JoinerGrant;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.models.OrganizationModel;

class JoinerRulesTest {

    @Test
    void aFirmWithoutStoredRulesJoinsNobodyAutomaticallyAsAMember() {
        JoinerRules rules = JoinerRules.of(organization(new HashMap<>()));

        assertThat(rules).isEqualTo(new JoinerRules(false, "member", List.of(), List.of()));
    }

    @Test
    void storedRulesReadBackTheSameAndKeepTheOrganizationsOtherAttributes() {
        Map<String, List<String>> attributes = new HashMap<>(Map.of("billing-code", List.of("B-17")));
        OrganizationModel firm = organization(attributes);
        JoinerRules rules = new JoinerRules(true, "admin", List.of("team-1", "team-2"),
                List.of(new JoinerGrant("business-1", "full"), new JoinerGrant("business-2", "read-only")));

        rules.storeIn(firm);

        assertThat(JoinerRules.of(firm)).isEqualTo(rules);
        assertThat(attributes).containsEntry("billing-code", List.of("B-17"));
    }

    @Test
    void emptyTeamsAndGrantsLeaveNoAttributeBehind() {
        OrganizationModel firm = organization(new HashMap<>());
        new JoinerRules(true, "member", List.of("team-1"), List.of(new JoinerGrant("business-1", "full"))).storeIn(firm);

        new JoinerRules(false, "member", List.of(), List.of()).storeIn(firm);

        assertThat(firm.getAttributes()).doesNotContainKeys(JoinerRules.TEAM, JoinerRules.GRANT);
    }

    @Test
    void anOwnerRoleEditedIntoTheAttributesCountsAsMember() {
        OrganizationModel firm = organization(new HashMap<>(Map.of(JoinerRules.AUTO_JOIN, List.of("true"),
                JoinerRules.ROLE, List.of("owner"))));

        JoinerRules rules = JoinerRules.of(firm);

        assertThat(rules.role()).isEqualTo("member");
        assertThat(rules.joinerRole()).isEqualTo(StaffRole.MEMBER);
    }

    /** An organization whose attributes live in the given map; nothing else of it is used. */
    @SuppressWarnings("unchecked")
    private static OrganizationModel organization(Map<String, List<String>> attributes) {
        return (OrganizationModel) Proxy.newProxyInstance(JoinerRulesTest.class.getClassLoader(),
                new Class<?>[] {OrganizationModel.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttributes" -> attributes;
                    case "setAttributes" -> {
                        attributes.clear();
                        attributes.putAll((Map<String, List<String>>) args[0]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
