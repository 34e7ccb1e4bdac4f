package dev.firmaccess.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.testing.AdminRequests;
import dev.firmaccess.testing.ApiScope;
import dev.firmaccess.testing.ClaimScope;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.TestEnvironment;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

/**
 * Loads one firm at the scale of a large practice through the public APIs: users by partial
 * import, memberships by parallel admin calls, businesses by the bulk creation API, grants by the
 * bulk grant API.
 */
final class FirmLoader {

    static final String REALM = "bench";
    static final String CLIENT = "bench";
    static final String EVALUATOR = "bench-evaluator";
    /** An evaluator whose client-credentials tokens belong to a user session, as docs/access-evaluation.md advises. */
    static final String SESSION_EVALUATOR = "bench-evaluator-session";
    static final String SECRET = "bench-secret";
    static final String PASSWORD = "Bench-passw0rd";
    static final String FIRM = "practice";
    static final String SCOPE = "firm-access";
    static final String UNCAPPED_SCOPE = "firm-access-uncapped";
    static final String SMALL_SCOPE = "firm-access-cap10";

    static final int BUSINESSES = Scale.CURRENT.businesses();
    static final int STAFF = Scale.CURRENT.staff();
    static final int TEAMS = Scale.CURRENT.teams();
    static final int ADMINS = 9;
    static final int DIRECT_GRANTS_PER_MEMBER = 20;
    static final int HEAVY_GRANTS = Scale.CURRENT.heavyGrants();
    static final int SIGNED_IN_MEMBERS = Scale.CURRENT.signedInMembers();
    static final int THREADS = 4;
    static final int GRANTS_PER_CALL = 5_000;
    static final int BUSINESSES_PER_CALL = 1_000;
    static final int USERS_PER_IMPORT = 200;

    private final TestEnvironment env;
    private final HttpJson http;
    private final String firmApi = "/admin/realms/" + REALM + "/firm-access/firms/" + FIRM;

    /** What the measurements need to know about the loaded firm. */
    record LoadedFirm(List<String> staffIds, List<String> businessIds, String owner, String heavyMember,
            List<String> sampleMembers, int grants) {
    }

    FirmLoader(TestEnvironment env) {
        this.env = env;
        this.http = env.http();
    }

    LoadedFirm load() {
        RealmResource realm = createRealm();
        List<String> staff = importUsers();
        String firmId = createFirm(realm, "Practice & Partners", FIRM);
        Load.run(THREADS, staff.size(), i -> ok(http.post("/admin/realms/" + REALM + "/organizations/" + firmId
                + "/members", admin(), "\"" + staff.get(i) + "\"")));
        put(firmApi + "/staff/" + staff.get(0) + "/role", Map.of("role", "owner"));
        for (int i = 1; i <= ADMINS; i++) {
            put(firmApi + "/staff/" + staff.get(i) + "/role", Map.of("role", "admin"));
        }
        List<String> businesses = createBusinesses();
        List<String> teams = new ArrayList<>();
        for (int t = 0; t < TEAMS; t++) {
            teams.add(ok(http.post(firmApi + "/teams", admin(), Map.of("name", "Team " + t))).json().get("id").asText());
        }
        int firstMember = ADMINS + 1;
        Load.run(THREADS, staff.size() - firstMember, i -> ok(http.put(firmApi + "/teams/" + teams.get(i % TEAMS)
                + "/members/" + staff.get(firstMember + i), admin(), "")));
        int grants = grant(staff, businesses, teams, firstMember);
        List<String> sample = staff.subList(firstMember, firstMember + SIGNED_IN_MEMBERS);
        return new LoadedFirm(staff, businesses, staff.get(0), staff.get(staff.size() - 1), sample, grants);
    }

    private RealmResource createRealm() {
        RealmRepresentation rep = new RealmRepresentation();
        rep.setRealm(REALM);
        rep.setEnabled(true);
        rep.setOrganizationsEnabled(true);
        rep.setAttributes(Map.of("firmAccess.enabled", "true"));
        // Long-lived tokens: one sign-in per user serves the whole run.
        rep.setAccessTokenLifespan(3600);
        rep.setSsoSessionIdleTimeout(7200);
        rep.setSsoSessionMaxLifespan(7200);
        env.admin().realms().create(rep);
        RealmResource realm = env.admin().realm(REALM);
        ok(http.put("/admin/realms/" + REALM + "/firm-access/settings", admin(),
                Map.of("accessLevels", List.of("full", "read-only"))));
        String capped = ClaimScope.create(realm, SCOPE, Map.of());
        String uncapped = ClaimScope.create(realm, UNCAPPED_SCOPE, Map.of("businessCap", "10000"));
        String small = ClaimScope.create(realm, SMALL_SCOPE, Map.of("businessCap", "10"));
        // Both clients below call the firm and evaluation APIs, which require their audience.
        ApiScope.createAsRealmDefault(realm);
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(CLIENT);
        client.setPublicClient(true);
        client.setDirectAccessGrantsEnabled(true);
        created(realm.clients().create(client));
        String clientId = realm.clients().findByClientId(CLIENT).get(0).getId();
        realm.clients().get(clientId).addOptionalClientScope(capped);
        realm.clients().get(clientId).addOptionalClientScope(uncapped);
        realm.clients().get(clientId).addOptionalClientScope(small);
        String organization = realm.clientScopes().findAll().stream().filter(s -> "organization".equals(s.getName()))
                .findFirst().orElseThrow().getId();
        if (realm.clients().get(clientId).getOptionalClientScopes().stream().noneMatch(s -> s.getId().equals(organization))
                && realm.clients().get(clientId).getDefaultClientScopes().stream()
                .noneMatch(s -> s.getId().equals(organization))) {
            realm.clients().get(clientId).addOptionalClientScope(organization);
        }
        RoleRepresentation role = new RoleRepresentation();
        role.setName("firm-access-evaluator");
        realm.roles().create(role);
        evaluator(realm, EVALUATOR, Map.of());
        evaluator(realm, SESSION_EVALUATOR, Map.of("client_credentials.use_refresh_token", "true"));
        return realm;
    }

    /** A confidential client with a service account holding the evaluator role, and these client attributes. */
    private static void evaluator(RealmResource realm, String clientId, Map<String, String> attributes) {
        ClientRepresentation evaluator = new ClientRepresentation();
        evaluator.setClientId(clientId);
        evaluator.setSecret(SECRET);
        evaluator.setServiceAccountsEnabled(true);
        evaluator.setStandardFlowEnabled(false);
        evaluator.setAttributes(attributes);
        created(realm.clients().create(evaluator));
        String id = realm.clients().findByClientId(clientId).get(0).getId();
        realm.users().get(realm.clients().get(id).getServiceAccountUser().getId()).roles().realmLevel()
                .add(List.of(realm.roles().get("firm-access-evaluator").toRepresentation()));
    }

    /** Users by partial imports; only those the run signs in as get a password, to keep hashing out of the load. */
    private List<String> importUsers() {
        List<Map<String, Object>> users = new ArrayList<>();
        for (int i = 0; i < STAFF; i++) {
            Map<String, Object> user = new LinkedHashMap<>();
            String name = String.format("staff%04d", i);
            user.put("username", name);
            user.put("email", name + "@practice.example.test");
            user.put("emailVerified", true);
            user.put("firstName", "Staff");
            user.put("lastName", Integer.toString(i));
            user.put("enabled", true);
            // the signed-in members, and after them the member of many firms
            boolean signsIn = i == 0 || i == STAFF - 1 || i > ADMINS && i <= ADMINS + SIGNED_IN_MEMBERS + 1;
            if (signsIn) {
                user.put("credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
            }
            users.add(user);
        }
        Map<String, String> idsByName = new HashMap<>();
        // In parts, so that one call stays within the client's timeout on a busy machine.
        for (int from = 0; from < users.size(); from += USERS_PER_IMPORT) {
            JsonNode result = ok(http.post("/admin/realms/" + REALM + "/partialImport", admin(), Map.of(
                    "ifResourceExists", "FAIL", "users", users.subList(from, Math.min(users.size(), from + USERS_PER_IMPORT)))))
                    .json();
            result.get("results").forEach(r -> idsByName.put(r.get("resourceName").asText(), r.get("id").asText()));
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < STAFF; i++) {
            ids.add(idsByName.get(String.format("staff%04d", i)));
        }
        return ids;
    }

    static String createFirm(RealmResource realm, String name, String alias) {
        return created(realm.organizations().create(AdminRequests.firm(name, alias)));
    }

    /** The firm's businesses through the bulk creation API, at most its default limit per call, in order. */
    private List<String> createBusinesses() {
        int calls = (BUSINESSES + BUSINESSES_PER_CALL - 1) / BUSINESSES_PER_CALL;
        List<List<String>> created = new ArrayList<>(Collections.nCopies(calls, List.of()));
        Load.run(THREADS, calls, call -> {
            List<Map<String, String>> rows = new ArrayList<>();
            for (int i = call * BUSINESSES_PER_CALL; i < Math.min(BUSINESSES, (call + 1) * BUSINESSES_PER_CALL); i++) {
                rows.add(Map.of("name", String.format("Client %05d", i)));
            }
            List<String> ids = new ArrayList<>();
            ok(http.post(firmApi + "/businesses/bulk", admin(), Map.of("businesses", rows))).json().get("created")
                    .forEach(business -> ids.add(business.get("id").asText()));
            created.set(call, ids);
        });
        return created.stream().flatMap(List::stream).toList();
    }

    /**
     * Each team shares 100 businesses in full; each member has 20 direct grants, half read-only;
     * the last member has 1,000 direct grants. Sent through the bulk grant API in calls that stay
     * under its 1,000,000-character body limit.
     */
    private int grant(List<String> staff, List<String> businesses, List<String> teams, int firstMember) {
        List<Map<String, String>> all = new ArrayList<>();
        for (int t = 0; t < TEAMS; t++) {
            for (int b = 0; b < BUSINESSES / TEAMS; b++) {
                all.add(Map.of("businessId", businesses.get(t * (BUSINESSES / TEAMS) + b), "subjectType", "team",
                        "subjectId", teams.get(t), "level", "full"));
            }
        }
        for (int m = firstMember; m < staff.size() - 1; m++) {
            for (int k = 0; k < DIRECT_GRANTS_PER_MEMBER; k++) {
                all.add(Map.of("businessId", businesses.get((m * 37 + k * 101) % BUSINESSES), "subjectType", "user",
                        "subjectId", staff.get(m), "level", k % 2 == 0 ? "full" : "read-only"));
            }
        }
        for (int b = 0; b < HEAVY_GRANTS; b++) {
            all.add(Map.of("businessId", businesses.get(b * 7 % BUSINESSES), "subjectType", "user",
                    "subjectId", staff.get(staff.size() - 1), "level", "full"));
        }
        for (int from = 0; from < all.size(); from += GRANTS_PER_CALL) {
            ok(http.post(firmApi + "/grants", admin(),
                    Map.of("grants", all.subList(from, Math.min(all.size(), from + GRANTS_PER_CALL)))));
        }
        return all.size();
    }

    private void put(String path, Object body) {
        ok(http.put(path, admin(), body));
    }

    String admin() {
        return env.admin().tokenManager().getAccessTokenString();
    }

    static HttpJson.Reply ok(HttpJson.Reply reply) {
        if (reply.status() / 100 != 2) {
            throw new IllegalStateException("Loading failed: " + reply);
        }
        return reply;
    }

    static String created(Response response) {
        try (response) {
            return AdminRequests.createdId(response, answer -> new IllegalStateException("Create failed: " + answer));
        }
    }
}
