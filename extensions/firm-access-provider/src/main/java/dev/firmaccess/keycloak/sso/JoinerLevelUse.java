package dev.firmaccess.keycloak.sso;

import dev.firmaccess.keycloak.access.LevelUse;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.sso.JoinerRules.JoinerGrant;
import java.util.List;
import java.util.Map;

/** The joiner rules' default grants that name a firm's access level: the level a joiner gets. */
public final class JoinerLevelUse implements LevelUse {

    private final FirmContext context;

    public JoinerLevelUse(FirmContext context) {
        this.context = context;
    }

    @Override
    public String place() {
        return "joinerGrants";
    }

    @Override
    public int count(String level) {
        return naming(JoinerRules.of(context.firm()), level);
    }

    @Override
    public int move(String from, String to, Map<String, List<String>> attributes) {
        JoinerRules rules = JoinerRules.of(attributes);
        int moved = naming(rules, from);
        if (moved > 0) {
            new JoinerRules(rules.autoJoin(), rules.role(), rules.teamIds(), rules.grants().stream()
                    .map(grant -> grant.level().equals(from) ? new JoinerGrant(grant.businessId(), to) : grant)
                    .toList()).storeIn(attributes);
        }
        return moved;
    }

    private static int naming(JoinerRules rules, String level) {
        return (int) rules.grants().stream().filter(grant -> grant.level().equals(level)).count();
    }
}
