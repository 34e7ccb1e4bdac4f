package dev.firmaccess.testing;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Creates a fixture's realm, firm and people through the public APIs, as an operator would:
 * Keycloak's admin API for the realm, users and the organization, the extension's realm-admin API
 * for roles, businesses, teams, grants and portal memberships. A call that fails removes the realm
 * again, so a fixture loads whole or not at all.
 */
public final class FixtureLoader {

    /** The client scope with the claim mappers, a default scope of the fixture's client. */
    static final String CLAIM_SCOPE = "firm-access";

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");
    private static final Pattern FORM_COOKIE = Pattern.compile("firm-link-form=[^;\\s]+");

    /** The realm attribute that turns Firm Access on in a realm (docs/security.md). */
    static final String FIRM_ACCESS_SWITCH = "firmAccess.enabled";

    private final HttpJson http;
    private final Keycloak admin;
    private final FirmFixture fixture;
    private final Map<String, String> userIds = new LinkedHashMap<>();
    private final Map<String, String> businessIds = new LinkedHashMap<>();
    private final Map<String, String> teamIds = new LinkedHashMap<>();

    private FixtureLoader(HttpJson http, Keycloak admin, FirmFixture fixture) {
        this.http = http;
        this.admin = admin;
        this.fixture = fixture;
    }

    /**
     * Loads the fixture into the server at {@code baseUrl}, with an admin client of its master
     * realm; for servers the kit did not start itself, such as a container.
     */
    public static LoadedFirm load(String baseUrl, Keycloak admin, FirmFixture fixture) {
        return load(new HttpJson(baseUrl), admin, fixture);
    }

    static LoadedFirm load(HttpJson http, Keycloak admin, FirmFixture fixture) {
        return new FixtureLoader(http, admin, fixture).load();
    }

    private LoadedFirm load() {
        createRealm();
        try {
            String firmId = createFirm();
            for (FirmFixture.Business business : fixture.businesses()) {
                businessIds.put(business.name(), created(firmApi("/businesses", Map.of("name", business.name())),
                        "create business " + business.name()));
            }
            for (FirmFixture.Team team : fixture.teams()) {
                String teamId = created(firmApi("/teams", Map.of("name", team.name())), "create team " + team.name());
                teamIds.put(team.name(), teamId);
                for (String member : team.members() == null ? List.<String>of() : team.members()) {
                    expect(http.put(firmPath("/teams/" + teamId + "/members/" + userIds.get(member)), adminToken(), null),
                            "add " + member + " to team " + team.name());
                }
            }
            shareBusinesses();
            for (FirmFixture.PortalUser user : fixture.portalUsers()) {
                activate(user);
            }
            return new LoadedFirm(http, admin, fixture, firmId, userIds, businessIds, teamIds);
        } catch (RuntimeException e) {
            realm().remove();
            throw e;
        }
    }

    private void createRealm() {
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(fixture.realmOrDefault());
        realm.setEnabled(true);
        realm.setOrganizationsEnabled(true);
        // Firm Access is off in a realm until an administrator turns it on
        realm.setAttributes(Map.of(FIRM_ACCESS_SWITCH, "true"));
        try {
            admin.realms().create(realm);
        } catch (ClientErrorException e) {
            throw new FixtureException(fixture.realmOrDefault(), List.of("realm \"" + fixture.realmOrDefault()
                    + "\" cannot be created (" + e.getResponse().getStatus() + "); does it exist already?"));
        }
        try {
            ApiScope.createAsRealmDefault(realm());
            realm().addDefaultDefaultClientScope(ClaimScope.create(realm(), CLAIM_SCOPE, Map.of()));
            createClient();
            if (fixture.accessLevels() != null) {
                expect(http.put(adminApi("/settings"), adminToken(), Map.of("accessLevels", fixture.accessLevels())),
                        "set the access levels");
            }
        } catch (RuntimeException e) {
            realm().remove();
            throw e;
        }
    }

    /** Made after the scopes, so that it gets them as default scopes. */
    private void createClient() {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(fixture.clientOrDefault());
        client.setPublicClient(true);
        client.setDirectAccessGrantsEnabled(true);
        client.setStandardFlowEnabled(true);
        client.setRedirectUris(List.of("*"));
        try (Response response = realm().clients().create(client)) {
            createdId(response, "client " + fixture.clientOrDefault());
        }
    }

    private String createFirm() {
        String firmId;
        try (Response response = realm().organizations()
                .create(AdminRequests.firm(fixture.firm().name(), fixture.firm().alias()))) {
            firmId = createdId(response, "organization " + fixture.firm().alias());
        }
        for (FirmFixture.Staff staff : fixture.staff()) {
            String userId = createUser(staff.username(), staff.emailOrDefault(), staff.firstName(), staff.lastName());
            userIds.put(staff.username(), userId);
            try (Response response = realm().organizations().get(firmId).members().addMember(userId)) {
                if (response.getStatus() / 100 != 2) {
                    throw failure("make " + staff.username() + " a member of the firm", response.getStatus() + "");
                }
            }
            // a member of the organization is a plain member until given another role
            if (!staff.role().equals("member")) {
                expect(http.put(firmPath("/staff/" + userId + "/role"), adminToken(), Map.of("role", staff.role())),
                        "make " + staff.username() + " " + staff.role());
            }
        }
        return firmId;
    }

    private String createUser(String username, String email, String firstName, String lastName) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(email);
        user.setEmailVerified(true);
        user.setFirstName(firstName != null ? firstName : username);
        // not the firm's name: Keycloak's user profile refuses characters such as & in person names
        user.setLastName(lastName != null ? lastName : "Staff");
        user.setEnabled(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(fixture.passwordOrDefault());
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        try (Response response = realm().users().create(user)) {
            return createdId(response, "user " + username);
        }
    }

    /** All grants in one bulk call, which the API applies all or nothing. */
    private void shareBusinesses() {
        if (fixture.grants().isEmpty()) {
            return;
        }
        List<Map<String, String>> grants = new ArrayList<>();
        for (FirmFixture.Grant grant : fixture.grants()) {
            boolean team = grant.team() != null;
            grants.add(Map.of("businessId", businessIds.get(grant.business()),
                    "subjectType", team ? "team" : "user",
                    "subjectId", team ? teamIds.get(grant.team()) : userIds.get(grant.user()),
                    "level", grant.levelOrDefault()));
        }
        expect(http.post(firmPath("/grants"), adminToken(), Map.of("grants", grants)), "share the businesses");
    }

    /**
     * Invites the customer into their first workspace without mail, signs them up on the activation
     * page behind the copied link, and adds the other workspaces to the now active user.
     */
    private void activate(FirmFixture.PortalUser user) {
        List<String> workspaces = user.businesses();
        Map<String, Object> invitation = new HashMap<>(Map.of("businessId", businessIds.get(workspaces.get(0)),
                "role", user.role(), "level", levelOf(user),
                "invitees", List.of(Map.of("email", user.email()))));
        // guests are always mailed; without an SMTP server the invitation stays, marked not_sent
        invitation.put("send", !user.role().equals("owner"));
        HttpJson.Reply invited = http.post(firmPath("/portal/invitations"), adminToken(), invitation);
        expect(invited, "invite " + user.email() + " to the portal");
        String membership = invited.json().get(0).get("id").asText();
        HttpJson.Reply link = http.post(firmPath("/portal/memberships/" + membership + "/link"), adminToken(),
                Map.of());
        expect(link, "copy the activation link of " + user.email());
        String page = URI.create(link.json().get("url").asText()).getRawPath();
        HttpJson.Reply shown = http.send(http.request(page, null).setHeader("Accept", "text/html").GET());
        Matcher formToken = FORM_TOKEN.matcher(shown.body());
        Matcher cookie = FORM_COOKIE.matcher(shown.headers().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap(header -> header.getValue().stream()).collect(Collectors.joining("\n")));
        if (shown.status() != 200 || !formToken.find() || !cookie.find()) {
            throw failure("open the activation page of " + user.email(), shown.toString());
        }
        // the page's forms are bound to the browser by a cookie and a token on the page, as a browser posts them
        HttpJson.Reply signedUp = http.send(http.formRequest(page + "/register", Map.of(
                "formToken", formToken.group(1),
                "firstName", user.firstName() != null ? user.firstName() : user.email().split("@")[0],
                "lastName", user.lastName() != null ? user.lastName() : "Customer",
                "password", fixture.passwordOrDefault(),
                "password-confirm", fixture.passwordOrDefault()))
                .header("Cookie", cookie.group()));
        if (signedUp.status() != 303) {
            throw failure("activate " + user.email() + " on the activation page", signedUp.toString());
        }
        HttpJson.Reply active = http.get(firmPath("/portal/memberships/" + membership), adminToken());
        expect(active, "read the portal membership of " + user.email());
        String userId = active.json().get("userId").asText();
        userIds.put(user.email(), userId);
        for (String business : workspaces.subList(1, workspaces.size())) {
            expect(http.post(firmPath("/portal/memberships"), adminToken(), Map.of("userId", userId,
                    "businessId", businessIds.get(business), "role", user.role(), "level", levelOf(user))),
                    "add " + user.email() + " to the workspace of " + business);
        }
    }

    private static String levelOf(FirmFixture.PortalUser user) {
        return user.level() != null ? user.level() : "full";
    }

    private HttpJson.Reply firmApi(String path, Object body) {
        return http.post(firmPath(path), adminToken(), body);
    }

    private String created(HttpJson.Reply reply, String what) {
        expect(reply, what);
        return reply.json().get("id").asText();
    }

    private void expect(HttpJson.Reply reply, String what) {
        if (reply.status() / 100 != 2) {
            throw failure(what, reply.toString());
        }
    }

    private FixtureException failure(String what, String answer) {
        return new FixtureException(fixture.realmOrDefault(), List.of("could not " + what + ": " + answer));
    }

    private String createdId(Response response, String what) {
        return AdminRequests.createdId(response, answer -> failure("create " + what, answer));
    }

    private String adminApi(String path) {
        return "/admin/realms/" + fixture.realmOrDefault() + "/firm-access" + path;
    }

    private String firmPath(String path) {
        return adminApi("/firms/" + fixture.firm().alias() + path);
    }

    private RealmResource realm() {
        return admin.realm(fixture.realmOrDefault());
    }

    /** Asked for on each call: the token manager renews the short-lived master-realm token. */
    private String adminToken() {
        return admin.tokenManager().getAccessTokenString();
    }
}
