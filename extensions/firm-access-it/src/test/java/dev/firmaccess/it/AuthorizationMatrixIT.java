package dev.firmaccess.it;

import static dev.firmaccess.it.support.Replies.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.firmaccess.it.support.Client;
import dev.firmaccess.it.support.FirmFixture;
import dev.firmaccess.it.support.FirmSetup;
import dev.firmaccess.it.support.JaxRsRoutes;
import dev.firmaccess.it.support.Person;
import dev.firmaccess.it.support.Replies;
import dev.firmaccess.it.support.TextBody;
import dev.firmaccess.testing.HttpJson.Reply;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.WithSharedServer;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Who may call what: every operation of both APIs, called by one person of each kind, against the
 * real server. Each call is valid except, perhaps, for the caller's rights: it names real objects
 * of the fixture firm, and calls that change or delete something get fresh objects of their own,
 * so no row depends on another. The table must list every operation the code offers.
 */
@WithSharedServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

    private static final String FIRM_API = "/realms/{realm}/firm-access/api/v1";
    private static final String ADMIN_API = "/admin/realms/{realm}/firm-access";
    private static final String REALM_ROOT = "/realms/{realm}/firm-access";
    private static final String EVALUATION_API = REALM_ROOT + "/access/v1";
    private static final String NO_BASE = "";

    /**
     * The columns of the table, in order. The rows spell out the first eight; the last four are
     * users of the realm with some of Keycloak's realm-management roles, whose statuses follow from
     * the others (see {@link #row}): on the firm API they are users of no firm; on the admin API
     * manage-realm does all the realm admin does, view-realm reads the settings and the backup only (in Keycloak
     * 26.7 it does not let anyone view organizations), view-organizations reads every firm as the
     * realm admin does and changes nothing (the role that tells view rights from manage rights),
     * and query-users alone does nothing.
     */
    enum Caller {
        OWNER, ADMIN, MEMBER, MEMBER_OF_OTHER_FIRM, USER_WITH_NO_FIRM, PORTAL_USER, ANONYMOUS, REALM_ADMIN,
        VIEW_REALM_ADMIN, MANAGE_REALM_ADMIN, VIEW_ORGANIZATIONS_ADMIN, QUERY_USERS_ADMIN
    }

    private static final int SPELLED_OUT_CALLERS = 8;

    private final AtomicInteger names = new AtomicInteger();
    private FirmFixture fixture;
    private String sharedSubscriber;
    private FirmSetup setup;
    private List<Row> table;
    private final Map<Caller, Person> limitedAdmins = new EnumMap<>(Caller.class);

    @BeforeAll
    void setUp(TestEnvironment env) {
        fixture = FirmFixture.create(env, "matrix");
        setup = fixture.setup();
        limitedAdmins.put(Caller.VIEW_REALM_ADMIN, setup.realmManagementUser("viewer", "view-realm"));
        limitedAdmins.put(Caller.MANAGE_REALM_ADMIN, setup.realmManagementUser("manager", "manage-realm"));
        limitedAdmins.put(Caller.VIEW_ORGANIZATIONS_ADMIN, setup.realmManagementUser("onlooker", "view-organizations"));
        limitedAdmins.put(Caller.QUERY_USERS_ADMIN, setup.realmManagementUser("querier", "query-users"));
        table = table();
    }

    @TestFactory
    Stream<DynamicContainer> everyCallerGetsTheStatusOfTheTable() {
        return table.stream().map(row -> dynamicContainer(row.toString(), Arrays.stream(Caller.values())
                .map(caller -> dynamicTest(caller + " gets " + row.expected().get(caller), () -> check(row, caller)))));
    }

    /**
     * Every operation of the code, but for the console's pages (their own matrix is in the console
     * tests), the mail-event webhook (a signed server-to-server call without a caller kind) and the
     * form posts of the invitation and activation pages (driven through a browser session, not a
     * bearer token, in their own tests).
     */
    @Test
    void theTableListsEveryOperationOfTheCodeAndNothingElse() {
        Set<String> routes = JaxRsRoutes.of("dev.firmaccess.keycloak.api.FirmAccessRealmResource", REALM_ROOT).stream()
                .filter(route -> !route.contains("/firm-access/console"))
                .filter(route -> !route.contains("/firm-access/mail-events"))
                .filter(route -> !(route.startsWith("POST ") && (route.contains("/firm-access/invitations/accept/")
                        || route.contains("/firm-access/portal/activate/"))))
                .collect(Collectors.toCollection(TreeSet::new));
        routes.addAll(JaxRsRoutes.of("dev.firmaccess.keycloak.api.FirmAccessAdminResource", ADMIN_API));
        String wellKnown = JaxRsRoutes.constant(
                "dev.firmaccess.keycloak.evaluation.AuthZenConfigurationProviderFactory", "PROVIDER_ID");
        routes.add("GET /realms/{}/.well-known/" + wellKnown);
        routes.add("GET /.well-known/" + wellKnown + "/realms/{}");
        Set<String> rows = table.stream()
                .flatMap(row -> JaxRsRoutes.normalize(row.base() + row.template()).stream()
                        .map(path -> row.method() + " " + path))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(difference(routes, rows)).as("operations of the code without a row").isEmpty();
        assertThat(difference(rows, routes)).as("rows without an operation in the code").isEmpty();
    }

    private List<Row> table() {
        List<Row> firmOperations = firmOperations();
        return Stream.of(
                        List.of(
                                // owner, admin, member, member of another firm, user of no firm, portal user, anonymous, realm admin
                                row(FIRM_API, "GET", "/openapi.yaml", this::plain, 200, 200, 200, 200, 200, 200, 200, 200),
                                row(FIRM_API, "GET", "/firms", this::plain, 200, 200, 200, 200, 200, 200, 401, 401),
                                // Anyone's own workspaces; an empty list for who is no portal user.
                                row(FIRM_API, "GET", "/portal/workspaces", this::plain,
                                        200, 200, 200, 200, 200, 200, 401, 401),
                                row(ADMIN_API, "GET", "/firms", this::plain, 403, 403, 403, 403, 403, 403, 401, 200),
                                row(ADMIN_API, "GET", "/settings", this::plain, 403, 403, 403, 403, 403, 403, 401, 200),
                                // The default value, so that the row changes nothing.
                                row(ADMIN_API, "PUT", "/settings", () -> plain().body(Map.of("resendCooldownMinutes", 10)),
                                        403, 403, 403, 403, 403, 403, 401, 200),
                                row(ADMIN_API, "GET", "/backup", this::plain, 403, 403, 403, 403, 403, 403, 401, 200),
                                // The realm's own backup: a realm that holds firm data refuses any restore (409).
                                row(ADMIN_API, "POST", "/backup", () -> plain().body(
                                                assertStatus(setup.realmAdmin().get("/backup"), 200).json()),
                                        403, 403, 403, 403, 403, 403, 401, 409)),
                        firmOperations,
                        firmOperations.stream().map(Row::onAdminApi).toList(),
                        outsideTheFirmApis())
                .flatMap(List::stream)
                .toList();
    }

    /**
     * Evaluation, the discovery documents and the pages behind invitation and activation links.
     * A user may evaluate only itself, so the questions are about the member; the pages answer
     * whoever opens them the same, as they take no bearer token.
     */
    private List<Row> outsideTheFirmApis() {
        Supplier<Call> aboutMember = () -> plain().body(Map.of(
                "subject", Map.of("type", "user", "id", fixture.member().id()),
                "action", Map.of("name", "read"),
                "resource", Map.of("type", "business", "id", fixture.sharedBusiness())));
        // owner, admin, member, member of another firm, user of no firm, portal user, anonymous, realm admin
        return List.of(
                row(EVALUATION_API, "POST", "/evaluation", aboutMember, 403, 403, 200, 403, 403, 403, 401, 401),
                row(EVALUATION_API, "POST", "/evaluations", () -> plain().body(Map.of(
                                "subject", Map.of("type", "user", "id", fixture.member().id()),
                                "evaluations", List.of(Map.of("action", Map.of("name", "read"),
                                        "resource", Map.of("type", "business", "id", fixture.sharedBusiness()))))),
                        403, 403, 200, 403, 403, 403, 401, 401),
                // Who reaches a business is for policy-enforcing clients only.
                row(EVALUATION_API, "POST", "/search/subject", () -> plain().body(Map.of(
                                "subject", Map.of("type", "user"), "action", Map.of("name", "read"),
                                "resource", Map.of("type", "business", "id", fixture.sharedBusiness()))),
                        403, 403, 403, 403, 403, 403, 401, 401),
                row(EVALUATION_API, "POST", "/search/resource", () -> plain().body(Map.of(
                                "subject", Map.of("type", "user", "id", fixture.member().id()),
                                "action", Map.of("name", "read"), "resource", Map.of("type", "business"))),
                        403, 403, 200, 403, 403, 403, 401, 401),
                row(EVALUATION_API, "POST", "/search/action", () -> plain().body(Map.of(
                                "subject", Map.of("type", "user", "id", fixture.member().id()),
                                "resource", Map.of("type", "business", "id", fixture.sharedBusiness()))),
                        403, 403, 200, 403, 403, 403, 401, 401),
                row(NO_BASE, "GET", "/realms/{realm}/.well-known/authzen-configuration", this::plain,
                        200, 200, 200, 200, 200, 200, 200, 200),
                row(NO_BASE, "GET", "/.well-known/authzen-configuration/realms/{realm}", this::plain,
                        200, 200, 200, 200, 200, 200, 200, 200),
                row(REALM_ROOT, "GET", "/invitations/accept/{token}", () -> plain().with("token", freshInvitationToken()),
                        200, 200, 200, 200, 200, 200, 200, 200),
                row(REALM_ROOT, "GET", "/portal/activate/{token}", () -> plain().with("token", freshActivationToken()),
                        200, 200, 200, 200, 200, 200, 200, 200));
    }

    private String freshInvitationToken() {
        return lastSegment(assertStatus(setup.asRealmAdmin(fixture.firm())
                .post("/invitations/" + freshInvitation() + "/link", null), 200).json().get("link").asText());
    }

    private String freshActivationToken() {
        return lastSegment(assertStatus(setup.asRealmAdmin(fixture.firm())
                .post("/portal/memberships/" + freshPortalOwner() + "/link", null), 200).json().get("url").asText());
    }

    private static String lastSegment(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** The operations under /firms/{firm}, as the firm API answers them; the admin API offers the same. */
    private List<Row> firmOperations() {
        String staff = "/firms/{firm}/staff/{userId}";
        String business = "/firms/{firm}/businesses/{businessId}";
        String team = "/firms/{firm}/teams/{teamId}";
        String invitation = "/firms/{firm}/invitations/{invitationId}";
        String portal = "/firms/{firm}/portal";
        String membership = portal + "/memberships/{membershipId}";
        String subscribers = "/firms/{firm}/event-subscribers";
        String subscriber = subscribers + "/{subscriberId}";
        // owner, admin, member, member of another firm, user of no firm, portal user, anonymous, realm admin (a foreign token here)
        return List.of(
                row(FIRM_API, "GET", "/firms/{firm}", this::plain, 200, 200, 200, 404, 404, 404, 401, 401),
                row(FIRM_API, "GET", "/firms/{firm}/staff", this::plain, 200, 200, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "GET", staff, this::aboutSubject, 200, 200, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "DELETE", staff, () -> about(freshStaff("member")), 204, 204, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "DELETE", staff, () -> about(freshStaff("owner")), 204, 403, 403, 404, 404, 404, 401, 401)
                        .named("removing an owner"),
                row(FIRM_API, "PUT", staff + "/role", () -> about(freshStaff("member")).body(Map.of("role", "admin")),
                        200, 200, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "PUT", staff + "/role", () -> about(freshStaff("member")).body(Map.of("role", "owner")),
                        200, 403, 403, 404, 404, 404, 401, 401).named("making an owner"),
                row(FIRM_API, "PUT", staff + "/programmatic-access", () -> aboutSubject().body(Map.of("enabled", true)),
                        200, 200, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "GET", staff + "/access", this::aboutSubject, 200, 200, 403, 404, 404, 404, 401, 401),
                // The subject's direct grants as the fixture made them, so that the row changes nothing.
                row(FIRM_API, "PUT", staff + "/access", () -> aboutSubject().body(Map.of("grants",
                                List.of(Map.of("businessId", fixture.sharedBusiness(), "level", "full")))),
                        200, 200, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "POST", staff + "/access/assign-all",
                        () -> about(freshStaff("member")).body(Map.of("level", "full")), 200, 200, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "GET", staff + "/access/explain", this::aboutSubject, 200, 200, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "GET", staff + "/keys", this::aboutSubject, 200, 200, 403, 404, 404, 404, 401, 401),
                // A key acts as its user: nobody, owners included, makes one for someone else.
                row(FIRM_API, "POST", staff + "/keys", () -> aboutSubject().body(Map.of("name", "matrix key")),
                        403, 403, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "GET", staff + "/keys/{keyId}", () -> aboutSubject().with("keyId", freshKeyOfSubject()),
                        200, 200, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "DELETE", staff + "/keys/{keyId}", () -> aboutSubject().with("keyId", freshKeyOfSubject()),
                        204, 204, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "GET", "/firms/{firm}/businesses", this::plain, 200, 200, 200, 404, 404, 404, 401, 401),
                // Members may create businesses unless the realm forbids it.
                row(FIRM_API, "POST", "/firms/{firm}/businesses", () -> plain().body(Map.of("name", "Made in the matrix")),
                        201, 201, 201, 404, 404, 404, 401, 401),
                // Bulk creation is for owners and admins only.
                row(FIRM_API, "POST", "/firms/{firm}/businesses/bulk", () -> plain().body(Map.of("businesses",
                        List.of(Map.of("name", "Made in bulk in the matrix")))), 200, 200, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "GET", business, () -> onBusiness(fixture.sharedBusiness()), 200, 200, 200, 404, 404, 404, 401, 401),
                row(FIRM_API, "PUT", business,
                        () -> onBusiness(fixture.unsharedBusiness()).body(Map.of("name", "Unshared business")),
                        200, 200, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "DELETE", business, () -> onBusiness(freshBusiness()), 204, 204, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "POST", business + "/archive", () -> onBusiness(freshBusiness()),
                        200, 200, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "POST", business + "/restore", () -> onBusiness(freshArchivedBusiness()),
                        200, 200, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "GET", business + "/grants", () -> onBusiness(fixture.sharedBusiness()),
                        200, 200, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "PUT", business + "/grants/users/{userId}",
                        () -> onBusiness(freshBusiness()).with("userId", fixture.subject().id()).body(fullLevel()),
                        200, 200, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "DELETE", business + "/grants/users/{userId}",
                        () -> onBusiness(businessSharedWithSubject()).with("userId", fixture.subject().id()),
                        204, 204, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "PUT", business + "/grants/teams/{teamId}",
                        () -> onBusiness(freshBusiness()).with("teamId", fixture.team()).body(fullLevel()),
                        200, 200, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "DELETE", business + "/grants/teams/{teamId}",
                        () -> onBusiness(businessSharedWithTeam()).with("teamId", fixture.team()),
                        204, 204, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "POST", "/firms/{firm}/grants", () -> plain().body(subjectsGrantOn(freshBusiness())),
                        200, 200, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "POST", "/firms/{firm}/grants/revoke",
                        () -> plain().body(subjectsGrantOn(businessSharedWithSubject())), 200, 200, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "GET", "/firms/{firm}/levels", this::plain, 200, 200, 200, 404, 404, 404, 401, 401),
                row(FIRM_API, "POST", "/firms/{firm}/levels", () -> plain().body(Map.of("name", freshLevelName())),
                        201, 403, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "DELETE", "/firms/{firm}/levels/{levelName}",
                        () -> plain().with("levelName", unusedLevel()), 204, 403, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "GET", "/firms/{firm}/teams", this::plain, 200, 200, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "POST", "/firms/{firm}/teams", () -> plain().body(Map.of("name", freshTeamName())),
                        201, 201, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "GET", team, () -> onTeam(fixture.team()), 200, 200, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "PUT", team, () -> onTeam(freshTeam()).body(Map.of("name", freshTeamName())),
                        200, 200, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "DELETE", team, () -> onTeam(freshTeam()), 204, 204, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "GET", team + "/members", () -> onTeam(fixture.team()), 200, 200, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "PUT", team + "/members/{userId}",
                        () -> onTeam(freshTeam()).with("userId", fixture.subject().id()), 204, 204, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "DELETE", team + "/members/{userId}",
                        () -> onTeam(teamWithSubject()).with("userId", fixture.subject().id()),
                        204, 204, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "GET", team + "/grants", () -> onTeam(fixture.team()), 200, 200, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "GET", "/firms/{firm}/invitations", this::plain, 200, 200, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "POST", "/firms/{firm}/invitations", () -> plain().body(Map.of(
                                "invitees", List.of(Map.of("email", freshEmail())), "role", "member")),
                        201, 201, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "GET", invitation, () -> onInvitation(freshInvitation()), 200, 200, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "DELETE", invitation, () -> onInvitation(freshInvitation()),
                        204, 204, 403, 404, 404, 404, 401, 401),
                // A fresh invitation was just sent, so whoever may resend meets the cooldown.
                row(FIRM_API, "POST", invitation + "/resend", () -> onInvitation(freshInvitation()),
                        429, 429, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "POST", invitation + "/link", () -> onInvitation(freshInvitation()),
                        200, 200, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "GET", "/firms/{firm}/sso", this::plain, 200, 200, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "PUT", "/firms/{firm}/sso/joiner-rules", () -> plain().body(Map.of("autoJoin", false)),
                        200, 200, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "GET", "/firms/{firm}/audit", this::plain, 200, 200, 403, 404, 404, 404, 401, 401),
                // Apps that hear about access changes are the owners' business alone.
                row(FIRM_API, "GET", subscribers, this::plain, 200, 403, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "POST", subscribers, () -> plain().body(subscriberRequest()),
                        201, 403, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "GET", subscriber, () -> onSubscriber(sharedSubscriber()), 200, 403, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "DELETE", subscriber, () -> onSubscriber(freshSubscriber()),
                        204, 403, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "POST", subscriber + "/secret", () -> onSubscriber(sharedSubscriber()),
                        200, 403, 403, 404, 404, 404, 401, 401),
                row(FIRM_API, "DELETE", subscriber + "/previous-secret", () -> onSubscriber(sharedSubscriber()),
                        200, 403, 403, 404, 404, 404, 401, 401),
                // An event the subscriber never had: the owner learns that only after the right was checked.
                row(FIRM_API, "POST", subscriber + "/replays",
                        () -> onSubscriber(sharedSubscriber()).body(Map.of("eventId", "evt_never_sent")),
                        404, 403, 403, 404, 404, 404, 401, 401),
                // The portal of the shared business, which the member has full access to: they manage it too.
                row(FIRM_API, "GET", portal + "/memberships", this::plain, 200, 200, 200, 404, 404, 404, 401, 401),
                row(FIRM_API, "POST", portal + "/invitations", () -> plain().body(Map.of("businessId",
                                fixture.sharedBusiness(), "role", "guest", "invitees", List.of(Map.of("email", freshEmail())))),
                        201, 201, 201, 404, 404, 404, 401, 401),
                row(FIRM_API, "POST", portal + "/memberships", () -> plain().body(Map.of("userId",
                                fixture.portalUser().id(), "businessId", businessSharedWithMember(), "role", "guest")),
                        201, 201, 201, 404, 404, 404, 401, 401),
                row(FIRM_API, "GET", membership, () -> onMembership(freshPortalOwner()),
                        200, 200, 200, 404, 404, 404, 401, 401),
                row(FIRM_API, "DELETE", membership, () -> onMembership(freshPortalOwner()),
                        204, 204, 204, 404, 404, 404, 401, 401),
                // A pre-provisioned owner's first send.
                row(FIRM_API, "POST", membership + "/send", () -> onMembership(freshPortalOwner()),
                        200, 200, 200, 404, 404, 404, 401, 401),
                row(FIRM_API, "POST", membership + "/cancel", () -> onMembership(freshPortalOwner()),
                        204, 204, 204, 404, 404, 404, 401, 401),
                row(FIRM_API, "POST", membership + "/link", () -> onMembership(freshPortalOwner()),
                        200, 200, 200, 404, 404, 404, 401, 401),
                row(FIRM_API, "POST", portal + "/bulk-actions", () -> plain().body(Map.of("action", "cancel",
                                "membershipIds", List.of(freshPortalOwner()))),
                        200, 200, 200, 404, 404, 404, 401, 401),
                row(FIRM_API, "POST", business + "/portal/invite-owners", () -> onBusiness(fixture.sharedBusiness()),
                        200, 200, 200, 404, 404, 404, 401, 401),
                row(FIRM_API, "POST", portal + "/imports", () -> plain().body(new TextBody("text/csv",
                                "business,email,role\r\n" + fixture.sharedBusiness() + "," + freshEmail() + ",guest\r\n")),
                        201, 201, 201, 404, 404, 404, 401, 401),
                row(FIRM_API, "GET", portal + "/export", this::plain, 200, 200, 200, 404, 404, 404, 401, 401),
                // Started by the owner: the member, who sees only their own imports, gets 404.
                row(FIRM_API, "GET", portal + "/imports/{importId}", () -> plain().with("importId", freshImport()),
                        200, 200, 404, 404, 404, 404, 401, 401));
    }

    private void check(Row row, Caller caller) {
        Call call = row.prepare().get();
        Map<String, String> params = new HashMap<>(call.params());
        params.put("realm", setup.realm().name());
        params.put("firm", fixture.firm().id());
        String path = row.base() + row.template();
        for (Map.Entry<String, String> param : params.entrySet()) {
            path = path.replace("{" + param.getKey() + "}", param.getValue());
        }
        Reply reply = setup.api().send(row.method(), path, token(caller), call.body());

        if (row.base().equals(ADMIN_API) && caller == Caller.ANONYMOUS) {
            // Keycloak's admin root refuses the call before the extension runs, in its own error shape.
            assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
            assertThat(reply.json().has("error")).as(reply.toString()).isTrue();
        } else if (!row.base().startsWith(FIRM_API) && !row.base().equals(ADMIN_API)) {
            // AuthZEN's error rules and the pages' HTML apply here; the document checked the shape.
            assertThat(reply.status()).as(reply.toString()).isEqualTo(row.expected().get(caller));
        } else {
            assertStatus(reply, row.expected().get(caller));
        }
    }

    private String token(Caller caller) {
        return switch (caller) {
            case OWNER -> setup.token(fixture.owner());
            case ADMIN -> setup.token(fixture.admin());
            case MEMBER -> setup.token(fixture.member());
            case MEMBER_OF_OTHER_FIRM -> setup.token(fixture.memberOfOtherFirm());
            case USER_WITH_NO_FIRM -> setup.token(fixture.userWithNoFirm());
            case PORTAL_USER -> setup.token(fixture.portalUser());
            case ANONYMOUS -> null;
            case REALM_ADMIN -> setup.adminToken();
            case VIEW_REALM_ADMIN, MANAGE_REALM_ADMIN, VIEW_ORGANIZATIONS_ADMIN, QUERY_USERS_ADMIN ->
                    setup.token(limitedAdmins.get(caller));
        };
    }

    private Call plain() {
        return new Call(Map.of(), null);
    }

    private Call about(Person person) {
        return plain().with("userId", person.id());
    }

    private Call aboutSubject() {
        return about(fixture.subject());
    }

    private Call onBusiness(String businessId) {
        return plain().with("businessId", businessId);
    }

    private Call onTeam(String teamId) {
        return plain().with("teamId", teamId);
    }

    private Call onMembership(String membershipId) {
        return plain().with("membershipId", membershipId);
    }

    /** A pending owner of the shared business's portal, pre-provisioned and not sent yet. */
    private String freshPortalOwner() {
        return assertStatus(setup.asRealmAdmin(fixture.firm()).post("/portal/invitations", Map.of(
                "businessId", fixture.sharedBusiness(), "role", "owner", "send", false,
                "invitees", List.of(Map.of("email", freshEmail())))), 201).json().get(0).get("id").asText();
    }

    private String businessSharedWithMember() {
        String business = freshBusiness();
        setup.share(fixture.firm(), business, fixture.member(), "full");
        return business;
    }

    private Call onInvitation(String invitationId) {
        return plain().with("invitationId", invitationId);
    }

    private String freshKeyOfSubject() {
        return setup.connectionKey(fixture.firm(), fixture.subject(), "Matrix key " + names.incrementAndGet());
    }

    private String freshInvitation() {
        return setup.invitation(fixture.firm(), freshEmail());
    }

    /** The owner's import of pre-provisioned owners, over the rows answered at once, so that it runs after its request. */
    private String freshImport() {
        // A business of its own: unsent owners of the shared one would all be mailed by its invite-owners row.
        String business = freshBusiness();
        StringBuilder csv = new StringBuilder("business,email,role,send\r\n");
        for (int row = 0; row < 101; row++) {
            csv.append(business).append(',').append(freshEmail()).append(",owner,false\r\n");
        }
        return assertStatus(setup.api().send("POST", "/realms/" + setup.realm().name() + "/firm-access/api/v1/firms/"
                + fixture.firm().id() + "/portal/imports", token(Caller.OWNER), new TextBody("text/csv", csv.toString())),
                202).json().get("id").asText();
    }

    private String freshEmail() {
        return "matrix-invitee-" + names.incrementAndGet() + "@example.test";
    }

    private Person freshStaff(String role) {
        return setup.colleague(fixture.firm(), role);
    }

    private String freshBusiness() {
        return setup.business(fixture.firm(), "Throw-away business");
    }

    private String freshArchivedBusiness() {
        return setup.archivedBusiness(fixture.firm(), "Throw-away archived business");
    }

    private String businessSharedWithSubject() {
        String business = freshBusiness();
        setup.share(fixture.firm(), business, fixture.subject(), "full");
        return business;
    }

    private String businessSharedWithTeam() {
        String business = freshBusiness();
        setup.shareWithTeam(fixture.firm(), business, fixture.team(), "full");
        return business;
    }

    private Call onSubscriber(String subscriberId) {
        return plain().with("subscriberId", subscriberId);
    }

    private static Map<String, Object> subscriberRequest() {
        return Map.of("url", "http://127.0.0.1:9/firm-access-events", "eventTypes", List.of("business.archived"));
    }

    private String freshSubscriber() {
        return assertStatus(setup.asRealmAdmin(fixture.firm()).post("/event-subscribers", subscriberRequest()), 201)
                .json().get("id").asText();
    }

    /** One subscriber for the rows that leave it in place, registered once. */
    private String sharedSubscriber() {
        if (sharedSubscriber == null) {
            sharedSubscriber = freshSubscriber();
        }
        return sharedSubscriber;
    }

    private String freshTeam() {
        return setup.team(fixture.firm(), freshTeamName());
    }

    private String teamWithSubject() {
        String team = freshTeam();
        setup.join(fixture.firm(), team, fixture.subject());
        return team;
    }

    private String freshTeamName() {
        return "Matrix team " + names.incrementAndGet();
    }

    private String freshLevelName() {
        return "matrix-level-" + names.incrementAndGet();
    }

    /**
     * A level of the firm's own that no grant uses, the same for every caller until one deletes it:
     * callers refused leave it in place, so the rows stay under the firm's limit of levels.
     */
    private String unusedLevel() {
        String name = "matrix-unused-level";
        Client realmAdmin = setup.asRealmAdmin(fixture.firm());
        if (!Replies.texts(realmAdmin.get("/levels"), "name").contains(name)) {
            Replies.assertStatus(realmAdmin.post("/levels", Map.of("name", name)), 201);
        }
        return name;
    }

    private static Map<String, String> fullLevel() {
        return Map.of("level", "full");
    }

    private Map<String, Object> subjectsGrantOn(String businessId) {
        return Map.of("grants", List.of(Map.of("businessId", businessId, "subjectType", "user",
                "subjectId", fixture.subject().id())));
    }

    private static Row row(String base, String method, String template, Supplier<Call> prepare, int... statuses) {
        Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
        for (int column = 0; column < SPELLED_OUT_CALLERS; column++) {
            expected.put(Caller.values()[column], statuses[column]);
        }
        boolean adminApi = base.equals(ADMIN_API);
        int realmAdmin = expected.get(Caller.REALM_ADMIN);
        int noFirm = expected.get(Caller.USER_WITH_NO_FIRM);
        // The settings and the backup are the realm's, read with view-realm.
        boolean readsRealm = method.equals("GET") && (template.equals("/settings") || template.equals("/backup"));
        expected.put(Caller.VIEW_REALM_ADMIN, !adminApi ? noFirm : readsRealm ? realmAdmin : 403);
        expected.put(Caller.MANAGE_REALM_ADMIN, adminApi ? realmAdmin : noFirm);
        // Access-event subscribers are for those who may change them (owners, and administrators with manage rights).
        boolean readsFirms = method.equals("GET") && !readsRealm && !template.contains("/event-subscribers");
        expected.put(Caller.VIEW_ORGANIZATIONS_ADMIN, !adminApi ? noFirm : readsFirms ? realmAdmin : 403);
        expected.put(Caller.QUERY_USERS_ADMIN, adminApi ? 403 : noFirm);
        return new Row(base, method, template, null, prepare, expected);
    }

    private static Set<String> difference(Set<String> all, Set<String> without) {
        Set<String> rest = new TreeSet<>(all);
        rest.removeAll(without);
        return rest;
    }

    /** One call of the table: where it goes, how to prepare it, and the status each caller must get. */
    private record Row(String base, String method, String template, String note, Supplier<Call> prepare,
            Map<Caller, Integer> expected) {

        Row named(String what) {
            return new Row(base, method, template, what, prepare, expected);
        }

        /** The realm administrator may do all an owner may; nobody else is an administrator. */
        Row onAdminApi() {
            return row(ADMIN_API, method, template, prepare, 403, 403, 403, 403, 403, 403, 401,
                    expected.get(Caller.OWNER)).named(note);
        }

        @Override
        public String toString() {
            return method + " " + base + template + (note == null ? "" : " (" + note + ")");
        }
    }

    /** The path parameters and the body of one call, made fresh for each caller. */
    private record Call(Map<String, String> params, Object body) {

        Call with(String param, String value) {
            Map<String, String> more = new HashMap<>(params);
            more.put(param, value);
            return new Call(more, body);
        }

        Call body(Object json) {
            return new Call(params, json);
        }
    }
}
