package dev.firmaccess.testing;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * A realm made for one test class: organizations enabled, mail sent to the mail catcher, and a
 * public test client that allows the password grant so tests can act as any of their users. The
 * client scope {@value #API_SCOPE} (the firm API's audience) is a default scope of the test client
 * and of every client the test creates later, as an operator would set it up for their apps.
 */
public final class TestRealm {

    public static final String TEST_CLIENT = "firm-access-test";
    public static final String PASSWORD = "Passw0rd!";

    /** The client scope whose audience mapper makes tokens acceptable to the firm and evaluation APIs. */
    public static final String API_SCOPE = ApiScope.NAME;

    private final Keycloak admin;
    private final HttpJson http;
    private final String name;

    private TestRealm(Keycloak admin, HttpJson http, String name) {
        this.admin = admin;
        this.http = http;
        this.name = name;
    }

    public static TestRealm create(Keycloak admin, HttpJson http, MailCatcher mail, String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(name);
        realm.setEnabled(true);
        realm.setOrganizationsEnabled(true);
        // Firm Access is off in a realm until an administrator turns it on; every test realm has it on.
        realm.setAttributes(java.util.Map.of("firmAccess.enabled", "true"));
        realm.setSmtpServer(mail.realmSmtpSettings());
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(TEST_CLIENT);
        client.setPublicClient(true);
        client.setDirectAccessGrantsEnabled(true);
        client.setStandardFlowEnabled(true);
        client.setRedirectUris(List.of("*"));
        realm.setClients(List.of(client));
        admin.realms().create(realm);
        TestRealm created = new TestRealm(admin, http, name);
        created.addApiScope();
        return created;
    }

    /** Creates the {@value #API_SCOPE} scope as a default of clients made later, and of the test client. */
    private void addApiScope() {
        addTestClientScope(ApiScope.createAsRealmDefault(admin()));
    }

    /** Makes a client scope, such as one of {@link ClaimScope}, a default scope of the test client. */
    public void addTestClientScope(String scopeId) {
        admin().clients().get(admin().clients().findByClientId(TEST_CLIENT).get(0).getId())
                .addDefaultClientScope(scopeId);
    }

    public String name() {
        return name;
    }

    public RealmResource admin() {
        return admin.realm(name);
    }

    /** Creates a user with a verified email and the shared test password; answers the user id. */
    public String createUser(String username) {
        return createUser(username, username + "@example.test", true);
    }

    /** Creates a user with the given email, verified or not, and the shared test password; answers the user id. */
    public String createUser(String username, String email, boolean emailVerified) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(email);
        user.setEmailVerified(emailVerified);
        user.setFirstName(Character.toUpperCase(username.charAt(0)) + username.substring(1));
        user.setLastName("Tester");
        user.setEnabled(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        try (Response response = admin().users().create(user)) {
            return createdId(response, "user " + username);
        }
    }

    /**
     * Gives the user a language of the realm, which the realm then offers beside English (its
     * default): Keycloak keeps a user's language only in a realm that offers more than one.
     */
    public void speaks(String userId, String locale) {
        RealmRepresentation languages = admin().toRepresentation();
        languages.setInternationalizationEnabled(true);
        languages.setSupportedLocales(Set.of("en", locale));
        languages.setDefaultLocale("en");
        admin().update(languages);
        UserRepresentation user = admin().users().get(userId).toRepresentation();
        user.setAttributes(Map.of("locale", List.of(locale)));
        admin().users().get(userId).update(user);
    }

    /** Creates an organization (a firm); answers its id. */
    public String createFirm(String firmName, String alias) {
        try (Response response = admin().organizations().create(AdminRequests.firm(firmName, alias))) {
            return createdId(response, "organization " + alias);
        }
    }

    public void addMember(String firmId, String userId) {
        try (Response response = admin().organizations().get(firmId).members().addMember(userId)) {
            if (response.getStatus() / 100 != 2) {
                throw new IllegalStateException("Adding member failed: " + response.getStatus());
            }
        }
    }

    /** Removes a member as an administrator does in Keycloak's own Organizations pages. */
    public void removeMember(String firmId, String userId) {
        try (Response response = admin().organizations().get(firmId).members().member(userId).delete()) {
            if (response.getStatus() / 100 != 2) {
                throw new IllegalStateException("Removing member failed: " + response.getStatus());
            }
        }
    }

    /** The user id of the server administrator this realm is managed as. */
    public String administratorId() {
        return admin.realm("master").users().searchByUsername(KeycloakServer.ADMIN_USERNAME, true).get(0).getId();
    }

    /** Creates a public client for scripts that opted in to trading connection keys for tokens. */
    public void createConnectionKeyClient(String clientId) {
        ClientRepresentation scripts = new ClientRepresentation();
        scripts.setClientId(clientId);
        scripts.setPublicClient(true);
        scripts.setStandardFlowEnabled(false);
        scripts.setAttributes(Map.of("firm-access.connection-keys.enabled", "true"));
        try (Response response = admin().clients().create(scripts)) {
            createdId(response, "client " + clientId);
        }
    }

    /** Signs in with the password grant through the test client and answers the token response. */
    public JsonNode signIn(String username) {
        HttpJson.Reply reply = http.postForm("/realms/" + name + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password",
                "client_id", TEST_CLIENT,
                "username", username,
                "password", PASSWORD,
                "scope", "openid"));
        if (reply.status() != 200) {
            throw new IllegalStateException("Sign-in of " + username + " failed: " + reply);
        }
        return reply.json();
    }

    public String accessToken(String username) {
        return signIn(username).get("access_token").asText();
    }

    /**
     * An access token of a sign-in through the realm's login pages (authorization code with PKCE)
     * that happened just now, as the firm API asks of a request that creates a connection key.
     */
    public String browserAccessToken(String username) {
        HttpJson.Reply reply = new BrowserSignIn(http, name, TEST_CLIENT).signIn(username, PASSWORD);
        if (reply.status() != 200) {
            throw new IllegalStateException("Browser sign-in of " + username + " failed: " + reply);
        }
        return reply.json().get("access_token").asText();
    }

    /** Trades a refresh token for new tokens; answers the raw reply, since refusal is a result too. */
    public HttpJson.Reply refresh(String refreshToken) {
        return http.postForm("/realms/" + name + "/protocol/openid-connect/token", Map.of(
                "grant_type", "refresh_token",
                "client_id", TEST_CLIENT,
                "refresh_token", refreshToken));
    }

    /** An access token of the master realm's bootstrap admin, for the realm-admin API. */
    public String adminToken() {
        return admin.tokenManager().getAccessTokenString();
    }

    /** Points the realm's mail at other SMTP settings, e.g. a server not started yet; answers the settings it had. */
    public Map<String, String> useSmtp(Map<String, String> settings) {
        RealmRepresentation rep = admin().toRepresentation();
        Map<String, String> before = new HashMap<>(rep.getSmtpServer());
        rep.setSmtpServer(new HashMap<>(settings));
        admin().update(rep);
        return before;
    }

    public void delete() {
        admin().remove();
    }

    private static String createdId(Response response, String what) {
        return AdminRequests.createdId(response,
                answer -> new IllegalStateException("Creating " + what + " failed: " + answer));
    }
}
