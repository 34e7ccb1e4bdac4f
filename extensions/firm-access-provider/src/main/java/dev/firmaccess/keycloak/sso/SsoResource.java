package dev.firmaccess.keycloak.sso;

import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.sso.JoinerRules.JoinerGrant;
import dev.firmaccess.keycloak.web.JsonBodies;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code .../firms/{firm}/sso}: the firm's linked identity providers, its domains and its joiner rules. */
public class SsoResource {

    private final FirmContext context;
    private final JoinerRulesService rules;

    public SsoResource(FirmContext context) {
        this.context = context;
        this.rules = new JoinerRulesService(context);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public SsoView get() {
        return rules.view();
    }

    @PUT
    @Path("joiner-rules")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public JoinerRules change(String body) {
        rules.requireMayChange();
        JoinerRulesChange change = JsonBodies.read(body, JoinerRulesChange.class, context.limits());
        return rules.change(change.autoJoin(), change.role(), change.teamIds(), change.grants());
    }

    /** Body of a change of the joiner rules. */
    public record JoinerRulesChange(Boolean autoJoin, String role, List<String> teamIds, List<JoinerGrant> grants) {
    }
}
