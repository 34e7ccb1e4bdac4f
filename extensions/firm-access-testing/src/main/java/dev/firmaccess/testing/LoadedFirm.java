package dev.firmaccess.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.keycloak.admin.client.Keycloak;

/**
 * A fixture loaded into a running Keycloak: the ids the server gave its firm, people, businesses
 * and teams, and tokens for its people. Tokens come from the password grant of the fixture's
 * client and carry the {@code firm-access-api} audience (the firm and evaluation APIs require it)
 * and the {@code firm_access} / {@code firm_portal} claims.
 */
public final class LoadedFirm {

    private final HttpJson http;
    private final Keycloak admin;
    private final FirmFixture fixture;
    private final String firmId;
    private final Map<String, String> userIds;
    private final Map<String, String> businessIds;
    private final Map<String, String> teamIds;

    LoadedFirm(HttpJson http, Keycloak admin, FirmFixture fixture, String firmId, Map<String, String> userIds,
            Map<String, String> businessIds, Map<String, String> teamIds) {
        this.http = http;
        this.admin = admin;
        this.fixture = fixture;
        this.firmId = firmId;
        this.userIds = Map.copyOf(userIds);
        this.businessIds = Map.copyOf(businessIds);
        this.teamIds = Map.copyOf(teamIds);
    }

    public String realm() {
        return fixture.realmOrDefault();
    }

    /** The issuer of the realm's tokens, the value an app's OIDC configuration names. */
    public String issuer() {
        return http.url("/realms/" + realm());
    }

    /** The public client whose tokens {@link #tokens(String)} answers. */
    public String clientId() {
        return fixture.clientOrDefault();
    }

    /** The organization id of the firm. */
    public String firmId() {
        return firmId;
    }

    public String firmAlias() {
        return fixture.firm().alias();
    }

    /** The user id of a staff member (by username) or a portal user (by email). */
    public String userId(String usernameOrEmail) {
        return known(userIds, usernameOrEmail, "person");
    }

    public String businessId(String name) {
        return known(businessIds, name, "business");
    }

    public String teamId(String name) {
        return known(teamIds, name, "team");
    }

    /**
     * A fresh sign-in of a staff member (by username) or a portal user (by email) with the fixture's
     * password: the token endpoint's JSON, with {@code access_token}, {@code refresh_token} and {@code id_token}.
     */
    public JsonNode tokens(String usernameOrEmail) {
        known(userIds, usernameOrEmail, "person");
        HttpJson.Reply reply = http.postForm("/realms/" + realm() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password",
                "client_id", clientId(),
                "username", usernameOrEmail,
                "password", fixture.passwordOrDefault(),
                "scope", "openid"));
        if (reply.status() != 200) {
            throw new IllegalStateException("Sign-in of " + usernameOrEmail + " in realm " + realm() + " failed: " + reply);
        }
        return reply.json();
    }

    public String accessToken(String usernameOrEmail) {
        return tokens(usernameOrEmail).get("access_token").asText();
    }

    /** Removes the realm and everything in it, so that the same fixture can be loaded again. */
    public void delete() {
        admin.realm(realm()).remove();
    }

    private String known(Map<String, String> ids, String key, String what) {
        String id = ids.get(key);
        if (id == null) {
            throw new IllegalArgumentException("No " + what + " \"" + key + "\" in the fixture of realm " + realm()
                    + "; known: " + ids.keySet().stream().sorted().toList());
        }
        return id;
    }
}
