package dev.firmaccess.it.support;

import static dev.firmaccess.it.support.Replies.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.testing.HttpJson.Reply;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.TestRealm;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Builds firms, people, businesses, teams and grants in one test realm through the public APIs:
 * Keycloak's admin API for users and organizations, our realm-admin API for everything else.
 */
public final class FirmSetup {

    private final TestRealm realm;
    private final Api api;
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    private FirmSetup(TestRealm realm, Api api) {
        this.realm = realm;
        this.api = api;
    }

    public static FirmSetup create(TestEnvironment env, String realmPrefix) {
        return in(env.newRealm(realmPrefix), new Api(env.http()));
    }

    /** A setup of a realm made already, calling the server through the given client. */
    public static FirmSetup in(TestRealm realm, Api api) {
        RealmRepresentation lifespan = new RealmRepresentation();
        // One sign-in per person serves a whole test class; signing in hashes a password and is slow.
        lifespan.setAccessTokenLifespan(3600);
        realm.admin().update(lifespan);
        return new FirmSetup(realm, api);
    }

    public TestRealm realm() {
        return realm;
    }

    public Api api() {
        return api;
    }

    public String firmApiBase() {
        return "/realms/" + realm.name() + "/firm-access/api/v1";
    }

    public String adminApiBase() {
        return "/admin/realms/" + realm.name() + "/firm-access";
    }

    public String adminToken() {
        return realm.adminToken();
    }

    /** A staff member (or anyone) calling the firm API under {@code /firms/{firm}}. */
    public Client as(Person person, Firm firm) {
        return new Client(api, firmApiBase() + "/firms/" + firm.id(), () -> token(person));
    }

    /**
     * A staff member calling the firm API under {@code /firms/{firm}} with a token of a fresh sign-in
     * through the login pages, as the firm API asks of whoever creates a connection key.
     */
    public Client asJustSignedIn(Person person, Firm firm) {
        return new Client(api, firmApiBase() + "/firms/" + firm.id(), () -> realm.browserAccessToken(person.username()));
    }

    /** Someone calling the firm API at its base, for {@code GET /firms}. */
    public Client firmApiAs(Person person) {
        return new Client(api, firmApiBase(), () -> token(person));
    }

    /** The realm administrator calling the admin API under {@code /firms/{firm}}. */
    public Client asRealmAdmin(Firm firm) {
        return new Client(api, adminApiBase() + "/firms/" + firm.id(), this::adminToken);
    }

    /** The realm administrator calling the admin API at its base, for the firm list and the settings. */
    public Client realmAdmin() {
        return new Client(api, adminApiBase(), this::adminToken);
    }

    /** Anyone calling the admin API at its base, to see what it answers people without admin roles. */
    public Client adminApiAs(Person person) {
        return new Client(api, adminApiBase(), () -> token(person));
    }

    /** The realm administrator calling Keycloak's own admin API of the realm. */
    public Client keycloakAdmin() {
        return new Client(api, "/admin/realms/" + realm.name(), this::adminToken);
    }

    /** A cached access token; tokens live an hour in these realms. */
    public String token(Person person) {
        return tokens.computeIfAbsent(person.username(), realm::accessToken);
    }

    /** A firm with a unique name made from the given stem; Keycloak wants organization names unique. */
    public Firm newFirm(String stem) {
        String name = stem + " " + sequence.incrementAndGet();
        String alias = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return new Firm(realm.createFirm(name, alias), alias, name);
    }

    /** A user with a unique username made from the given stem. */
    public Person newUser(String stem) {
        String username = stem + "-" + sequence.incrementAndGet();
        return new Person(username, realm.createUser(username));
    }

    /** A new user of the realm holding one role of the realm's realm-management client, such as view-organizations. */
    public Person realmManagementUser(String stem, String role) {
        Person person = newUser(stem);
        var admin = realm.admin();
        String management = admin.clients().findByClientId("realm-management").get(0).getId();
        admin.users().get(person.id()).roles().clientLevel(management)
                .add(List.of(admin.clients().get(management).roles().get(role).toRepresentation()));
        return person;
    }

    /** A new user who joins the firm natively and then gets the role ("member" needs no call of ours). */
    public Person staff(Firm firm, String stem, String role) {
        Person person = newUser(stem);
        realm.addMember(firm.id(), person.id());
        if (!role.equals("member")) {
            setRole(firm, person, role);
        }
        return person;
    }

    /** A new staff member who reaches the given businesses through direct grants of the level "full". */
    public Person staffWithFullAccessTo(Firm firm, String stem, String role, String... businessIds) {
        Person person = staff(firm, stem, role);
        for (String businessId : businessIds) {
            share(firm, businessId, person, "full");
        }
        return person;
    }

    /**
     * A staff member who never signs in, made without a password: hashing one is the slowest part
     * of making a user, and tests that need many throw-away staff members feel it.
     */
    public Person colleague(Firm firm, String role) {
        String username = "colleague-" + sequence.incrementAndGet();
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        Person person;
        try (Response created = realm.admin().users().create(user)) {
            assertThat(created.getStatus()).as("creating %s", username).isEqualTo(201);
            String location = created.getLocation().getPath();
            person = new Person(username, location.substring(location.lastIndexOf('/') + 1));
        }
        realm.addMember(firm.id(), person.id());
        if (!role.equals("member")) {
            setRole(firm, person, role);
        }
        return person;
    }

    public void setRole(Firm firm, Person person, String role) {
        assertStatus(asRealmAdmin(firm).put("/staff/" + person.id() + "/role", Map.of("role", role)), 200);
    }

    public String business(Firm firm, String name) {
        return assertStatus(asRealmAdmin(firm).post("/businesses", Map.of("name", name)), 201).json().get("id").asText();
    }

    public String archivedBusiness(Firm firm, String name) {
        String id = business(firm, name);
        assertStatus(asRealmAdmin(firm).post("/businesses/" + id + "/archive", null), 200);
        return id;
    }

    /**
     * A connection key the person creates for themself, right after signing in through the login
     * pages (the firm API mints keys only for such a sign-in); answers its id.
     */
    public String connectionKey(Firm firm, Person person, String name) {
        String path = firmApiBase() + "/firms/" + firm.id() + "/staff/" + person.id() + "/keys";
        return assertStatus(api.post(path, realm.browserAccessToken(person.username()), Map.of("name", name)), 201)
                .json().get("id").asText();
    }

    /** A pending staff invitation of the given email; answers its id. */
    public String invitation(Firm firm, String email) {
        return assertStatus(asRealmAdmin(firm).post("/invitations", Map.of(
                "invitees", List.of(Map.of("email", email)), "role", "member")), 201)
                .json().get(0).get("id").asText();
    }

    public String team(Firm firm, String name) {
        return assertStatus(asRealmAdmin(firm).post("/teams", Map.of("name", name)), 201).json().get("id").asText();
    }

    public void join(Firm firm, String teamId, Person person) {
        assertStatus(asRealmAdmin(firm).put("/teams/" + teamId + "/members/" + person.id(), null), 204);
    }

    public void share(Firm firm, String businessId, Person person, String level) {
        assertStatus(asRealmAdmin(firm).put("/businesses/" + businessId + "/grants/users/" + person.id(),
                Map.of("level", level)), 200);
    }

    public void shareWithTeam(Firm firm, String businessId, String teamId, String level) {
        assertStatus(asRealmAdmin(firm).put("/businesses/" + businessId + "/grants/teams/" + teamId,
                Map.of("level", level)), 200);
    }

    public Reply updateSettings(Map<String, ?> change) {
        return assertStatus(realmAdmin().put("/settings", change), 200);
    }

    /** A staff member as the realm administrator sees them. */
    public JsonNode staffView(Firm firm, Person person) {
        return assertStatus(asRealmAdmin(firm).get("/staff/" + person.id()), 200).json();
    }

    /** How many audit records the firm has. */
    public long auditCount(Firm firm) {
        return Replies.totalCount(assertStatus(asRealmAdmin(firm).get("/audit?max=1"), 200));
    }

    /** The businesses a person reaches, as the realm administrator reads their access. */
    public List<String> reachedBusinesses(Firm firm, Person person) {
        return Replies.texts(assertStatus(asRealmAdmin(firm).get("/staff/" + person.id() + "/access"), 200)
                .json().get("businesses"), "businessId");
    }

    /** The subject ids of the grants on a business. */
    public List<String> grantees(Firm firm, String businessId) {
        return Replies.texts(assertStatus(asRealmAdmin(firm).get("/businesses/" + businessId + "/grants"), 200),
                "subjectId");
    }
}
