package dev.firmaccess.keycloak.sso;

import dev.firmaccess.keycloak.access.AccessLevels;
import dev.firmaccess.keycloak.access.BusinessEntity;
import dev.firmaccess.keycloak.access.BusinessRepository;
import dev.firmaccess.keycloak.access.GrantService;
import dev.firmaccess.keycloak.access.GrantSubjectType;
import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmContexts;
import dev.firmaccess.keycloak.firm.FirmIdentityProviders;
import dev.firmaccess.keycloak.firm.TeamDirectory;
import dev.firmaccess.keycloak.staff.StaffService;
import dev.firmaccess.keycloak.storage.Jpa;
import dev.firmaccess.keycloak.sso.JoinerRules.JoinerGrant;
import dev.firmaccess.keycloak.team.TeamService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;

/**
 * Applies the firm's joiner rules when Keycloak makes someone a member of the firm's organization
 * because they signed in through one of its identity providers (a managed member, added by the
 * first-broker-login flow). It runs in the transaction of that sign-in, so the person becomes staff
 * with the rules' role, teams and grants, or the sign-in fails and nothing stays. It goes through the
 * staff, team and grant services, so their checks and audit entries are those of any other change.
 *
 * <p>Nothing is applied when the rules say no automatic join or when the person's address is not of a
 * verified domain of the firm. The rules are asked only once an open invitation of the firm for the
 * address was settled: accepted on this sign-in (then it decides, and the rules are not asked) or
 * cancelled. A second sign-in adds no membership, so nothing happens again.
 */
public final class Joiner {

    private static final Logger LOG = Logger.getLogger(Joiner.class);

    private Joiner() {
    }

    /**
     * Applies the rules to someone Keycloak just made a member of the firm, in a realm with Firm
     * Access on; answers whether it did, and so recorded their joining ({@code sso.joined}).
     */
    public static boolean applyRules(KeycloakSession session, OrganizationModel firm, UserModel user) {
        if (!firm.isManaged(user)) {
            return false;
        }
        JoinerRules rules = JoinerRules.of(firm);
        if (!rules.autoJoin()) {
            return false;
        }
        if (!new FirmIdentityProviders(firm).isVerifiedAddress(user.getEmail())) {
            // Automatic join is on, yet someone came through the firm's provider with an address of a domain
            // the organization does not mark verified: most likely the domain was never verified.
            LOG.warnf("Joiner rules of organization %s not applied to a new member: their address is not of a"
                    + " verified domain of the organization; verify the domain in its settings if it is the firm's",
                    firm.getAlias());
            return false;
        }
        apply(FirmContexts.forJoiner(session, firm, user), rules, user);
        return true;
    }

    /**
     * Teams, businesses and levels removed since the rules were set are left out, as an invitation
     * leaves them out on acceptance; the rest goes through the services' own checks.
     */
    private static void apply(FirmContext context, JoinerRules rules, UserModel joiner) {
        StaffRole role = rules.joinerRole();
        if (role != StaffRole.MEMBER) {
            new StaffService(context).changeRole(joiner.getId(), role);
        }
        TeamDirectory directory = TeamDirectory.of(context);
        List<String> joinedTeams = rules.teamIds().stream().filter(id -> directory.find(id).isPresent()).toList();
        TeamService teams = new TeamService(context);
        joinedTeams.forEach(teamId -> teams.addMember(teamId, joiner.getId()));

        Set<String> businesses = new BusinessRepository(Jpa.entityManager(context.session()))
                .findAll(context.firm().getId(), rules.grants().stream().map(JoinerGrant::businessId).toList()).stream()
                .map(BusinessEntity::getId).collect(Collectors.toSet());
        List<String> levels = AccessLevels.of(context).all();
        List<JoinerGrant> applied = rules.grants().stream()
                .filter(grant -> businesses.contains(grant.businessId()) && levels.contains(grant.level()))
                .toList();
        GrantService grants = new GrantService(context);
        applied.forEach(grant -> grants.share(grant.businessId(), GrantSubjectType.USER, joiner.getId(), grant.level()));

        Map<String, Object> after = new LinkedHashMap<>();
        after.put("role", role.canonicalName());
        after.put("teamIds", joinedTeams);
        after.put("grants", applied);
        context.audit().record("sso.joined", "staff", joiner.getId(), null, after);
    }
}
