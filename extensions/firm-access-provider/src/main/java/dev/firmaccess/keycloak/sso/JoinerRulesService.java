package dev.firmaccess.keycloak.sso;

import dev.firmaccess.keycloak.access.PlannedAccess;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmIdentityProviders;
import dev.firmaccess.keycloak.firm.FirmPermission;
import dev.firmaccess.keycloak.sso.JoinerRules.JoinerGrant;
import java.util.List;
import java.util.Map;

/** Seeing the firm's single sign-on and setting its joiner rules. */
public final class JoinerRulesService {

    private final FirmContext context;

    public JoinerRulesService(FirmContext context) {
        this.context = context;
    }

    public SsoView view() {
        context.actor().require(FirmPermission.VIEW_ALL);
        FirmIdentityProviders providers = new FirmIdentityProviders(context.firm());
        return new SsoView(providers.linked(), providers.domains(), JoinerRules.of(context.firm()));
    }

    /** The right to change the rules, checked before the request body is read. */
    public void requireMayChange() {
        context.actor().require(FirmPermission.MANAGE);
    }

    /**
     * Checks every part of the new rules before storing any: the role is member or admin (owners are
     * made by owners, one by one, never by a rule), every team and business the firm's, every level
     * one of the realm's or the firm's own.
     */
    public JoinerRules change(Boolean autoJoin, String role, List<String> teamIds, List<JoinerGrant> grants) {
        requireMayChange();
        if (autoJoin == null) {
            throw FirmAccessException.badInput("'autoJoin' (true or false) is required");
        }
        StaffRole joinerRole = role == null ? StaffRole.MEMBER : StaffRole.parse(role)
                .orElseThrow(() -> FirmAccessException.badInput("'role' must be member or admin"));
        if (joinerRole == StaffRole.OWNER) {
            throw FirmAccessException.badInput("Joiner rules cannot make owners; 'role' must be member or admin");
        }
        PlannedAccess planned = new PlannedAccess(context);
        List<JoinerGrant> checkedGrants = planned.grants(grants, JoinerGrant::businessId, JoinerGrant::level)
                .entrySet().stream().map(grant -> new JoinerGrant(grant.getKey(), grant.getValue())).toList();
        JoinerRules before = JoinerRules.of(context.firm());
        JoinerRules after = new JoinerRules(autoJoin, joinerRole.canonicalName(), planned.teams(teamIds), checkedGrants);
        if (!after.equals(before)) {
            after.storeIn(context.firm());
            context.audit().record("sso.joiner_rules_changed", "firm", context.firm().getId(), state(before), state(after));
        }
        return after;
    }

    private static Map<String, Object> state(JoinerRules rules) {
        return Map.of("autoJoin", rules.autoJoin(), "role", rules.role(), "teamIds", rules.teamIds(),
                "grants", rules.grants());
    }
}
