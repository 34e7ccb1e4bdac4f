package dev.firmaccess.keycloak.console;

import dev.firmaccess.keycloak.access.BusinessRepository;
import dev.firmaccess.keycloak.access.BusinessRepository.ArchiveFilter;
import dev.firmaccess.keycloak.access.BusinessService;
import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.sso.JoinerRules;
import dev.firmaccess.keycloak.sso.JoinerRules.JoinerGrant;
import dev.firmaccess.keycloak.sso.JoinerRulesService;
import dev.firmaccess.keycloak.sso.SsoView;
import dev.firmaccess.keycloak.storage.Jpa;
import dev.firmaccess.keycloak.team.TeamService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code .../console/firms/{firm}/sso}: the firm's linked identity providers and domains (set up in
 * Keycloak's own Organizations tab) and the joiner rules, for owners, admins and realm administrators.
 * The rules' form offers the firm's teams and active businesses up to the operator's page limit, and
 * always the ones the rules already name, so saving never drops a grant the page did not show.
 */
public class ConsoleSsoPage extends ConsolePageFamily {

    ConsoleSsoPage(ConsoleFirmResource firm, ConsolePages pages) {
        super(firm, pages);
    }

    @GET
    public Response show() {
        return firm.page((user, context) -> render(user, context, new JoinerRulesService(context).view(), false));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> form) {
        return firm.action(form, (user, context) -> {
            JoinerRulesService rules = new JoinerRulesService(context);
            rules.requireMayChange();
            List<String> businessIds = Optional.ofNullable(form.get("grant")).orElse(List.of());
            JoinerRules saved = rules.change("on".equals(form.getFirst("autoJoin")), form.getFirst("role"),
                    Optional.ofNullable(form.get("team")).orElse(List.of()),
                    businessIds.stream().map(id -> new JoinerGrant(id, form.getFirst("level-" + id))).toList());
            // The page shows the rules as saved: the organization read again in the same transaction
            // still answers its attributes from before the change.
            SsoView shown = rules.view();
            return render(user, context, new SsoView(shown.identityProviders(), shown.domains(), saved), true);
        });
    }

    private Response render(ConsoleUser user, FirmContext context, SsoView sso, boolean saved) {
        Map<String, Object> model = firm.model(user, context, "sso");
        int limit = context.limits().pageSize();
        JoinerRules rules = sso.joinerRules();
        model.put("sso", sso);
        model.put("saved", saved);
        model.put("search", "");
        model.put("roles", ConsoleFirmResource.roleOptions(context).stream()
                .filter(role -> !StaffRole.OWNER.canonicalName().equals(role.get("value"))).toList());
        model.put("teams", new TeamService(context).options(limit));
        // Businesses deleted since the rules were set are gone from the page, as they are from the rules' effect.
        Map<String, String> offered = new LinkedHashMap<>();
        new BusinessRepository(Jpa.entityManager(context.session()))
                .findAll(context.firm().getId(), rules.grants().stream().map(JoinerGrant::businessId).toList())
                .forEach(business -> offered.put(business.getId(), business.getName()));
        new BusinessService(context).page(null, ArchiveFilter.ACTIVE, 0, limit)
                .forEach(business -> offered.putIfAbsent(business.id(), business.name()));
        model.put("businesses", offered);
        Map<String, String> levelByBusiness = new LinkedHashMap<>();
        rules.grants().forEach(grant -> levelByBusiness.put(grant.businessId(), grant.level()));
        model.put("grantLevels", levelByBusiness);
        return pages.render(200, "console-sso", user.auth().user(), model);
    }
}
