package dev.firmaccess.it.console;

import static dev.firmaccess.it.support.Replies.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.firmaccess.it.portal.PortalBrowser;
import dev.firmaccess.it.portal.PortalBrowser.Answer;
import dev.firmaccess.it.support.FirmFixture;
import dev.firmaccess.it.support.FirmSetup;
import dev.firmaccess.it.support.JaxRsRoutes;
import dev.firmaccess.it.support.Person;
import dev.firmaccess.it.support.Replies;
import dev.firmaccess.it.support.TextBody;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.WithSharedServer;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every route of the firm console × every kind of caller, over plain HTTP with a real console
 * session (Keycloak's login, the console's signed cookie) and the CSRF token of the caller's own
 * page. A page a caller may see answers 200; an anonymous GET is sent to Keycloak's login; every
 * refusal answers the console's error page with its status. Every refused POST is followed by a
 * look through the firm API: the firm's audit, where every change of the console is recorded, has
 * not grown, and the state the post aimed at is as it was.
 *
 * <p>Allowed posts are the other console tests' business (they change the firm); here each POST
 * is made only by callers who must be refused, and by the owner without the CSRF token.
 */
@WithSharedServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleRouteMatrixIT {

    private static final String CONSOLE = "/realms/{realm}/firm-access/console";

    /**
     * The callers. The realm administrators are users of the realm holding one role of its
     * realm-management client: view-organizations lets the console open any firm read-only,
     * query-users gives no organization rights at all.
     */
    enum Caller {
        ANONYMOUS, OWNER, OWNER_WITHOUT_CSRF, ADMIN, MEMBER, PORTAL_USER, STAFF_OF_OTHER_FIRM,
        ORGANIZATION_VIEWER, ADMIN_WITHOUT_ORGANIZATION_RIGHTS
    }

    /**
     * What a route asks of its caller, from which each caller's status follows (see {@link #expected}):
     * the statuses of the owner, an admin, a member and the organization viewer, where null means the
     * caller is not sent (an allowed change is the other console tests' business).
     */
    enum Need {
        /** Any signed-in user: the firm chooser, the portal home. */
        SIGNED_IN(200, 200, 200, 200),
        /** Realm administrators with organization view rights: the realm's firms; everyone else 403. */
        REALM_ADMIN_VIEW(403, 403, 403, 200),
        /** Any staff of the firm, and an administrator with organization view rights. */
        FIRM_VIEW(200, 200, 200, 200),
        /** Owners, admins and the organization viewer; members get 403. */
        MANAGER_VIEW(200, 200, 403, 200),
        /**
         * A page that is the form of a change (pending invitations, a business's portal users): it
         * asks for manage rights, so the organization viewer gets 403; a member 403, or 404 for a
         * business they do not manage.
         */
        MANAGER_FORM_PAGE(200, 200, 403, 403),
        /**
         * One's own connection keys, a staff member's alone: a realm administrator is no staff member
         * of the firm (404), and nobody revokes someone else's key here (404). The staff statuses
         * are those of the pages; of the posts only a member's revoking of someone's key is sent.
         */
        OWN_KEYS(200, 200, 200, 404),
        /** What one person started (an import): they, owners, admins and the organization viewer see it; another member 404. */
        STARTER_OR_FIRM_VIEWER(200, 200, 404, 200),
        /** A change owners and admins may make: members get 403, the organization viewer 403. */
        MANAGER_CHANGE(null, null, 403, 403),
        /** A change only owners may make (the firm's own access levels): admins and members get 403, the organization viewer 403. */
        OWNER_CHANGE(null, 403, 403, 403),
        /** A change about a business, membership or key the member does not manage: 404 for the member. */
        MANAGER_CHANGE_UNSEEN_BY_MEMBER(null, null, 404, 403),
        /** A change any staff may make for themselves: refused only to non-staff and viewers. */
        STAFF_CHANGE(null, null, null, 403);

        private final Map<Caller, Integer> staff = new EnumMap<>(Caller.class);

        Need(Integer owner, Integer admin, Integer member, Integer organizationViewer) {
            putSent(staff, Caller.OWNER, owner);
            putSent(staff, Caller.ADMIN, admin);
            putSent(staff, Caller.MEMBER, member);
            putSent(staff, Caller.ORGANIZATION_VIEWER, organizationViewer);
        }

        private static void putSent(Map<Caller, Integer> statuses, Caller caller, Integer status) {
            if (status != null) {
                statuses.put(caller, status);
            }
        }
    }

    private FirmFixture fixture;
    private FirmSetup setup;
    private String consoleBase;
    private final Map<Caller, Session> sessions = new EnumMap<>(Caller.class);
    private Map<String, String> ids;

    @BeforeAll
    void setUp(TestEnvironment env) {
        fixture = FirmFixture.create(env, "console-matrix");
        setup = fixture.setup();
        consoleBase = env.server().baseUrl() + "/realms/" + setup.realm().name() + "/firm-access/console";
        String membership = assertStatus(setup.asRealmAdmin(fixture.firm()).post("/portal/invitations", Map.of(
                "businessId", fixture.unsharedBusiness(), "role", "owner", "send", false,
                "invitees", List.of(Map.of("email", "console-matrix-owner@customer.test")))), 201)
                .json().get(0).get("id").asText();
        ids = Map.of(
                "firm", fixture.firm().alias(),
                "userId", fixture.subject().id(),
                "businessId", fixture.unsharedBusiness(),
                "teamId", fixture.team(),
                "invitationId", setup.invitation(fixture.firm(), "console-matrix-invitee@example.test"),
                "membershipId", membership,
                "keyId", setup.connectionKey(fixture.firm(), fixture.subject(), "Console matrix key"),
                "levelName", assertStatus(setup.asRealmAdmin(fixture.firm()).post("/levels",
                        Map.of("name", "console-matrix-level")), 201).json().get("name").asText(),
                "importId", importStartedByTheOwner());

        sessions.put(Caller.ANONYMOUS, Session.anonymous());
        sessions.put(Caller.OWNER, signIn(fixture.owner()));
        sessions.put(Caller.OWNER_WITHOUT_CSRF, sessions.get(Caller.OWNER).withoutCsrf());
        sessions.put(Caller.ADMIN, signIn(fixture.admin()));
        sessions.put(Caller.MEMBER, signIn(fixture.member()));
        sessions.put(Caller.PORTAL_USER, signIn(fixture.portalUser()));
        sessions.put(Caller.STAFF_OF_OTHER_FIRM, signIn(fixture.memberOfOtherFirm()));
        sessions.put(Caller.ORGANIZATION_VIEWER, signIn(setup.realmManagementUser("viewer", "view-organizations")));
        sessions.put(Caller.ADMIN_WITHOUT_ORGANIZATION_RIGHTS, signIn(setup.realmManagementUser("querier", "query-users")));
    }

    /** An upload large enough to be imported after its request, of a business of its own (nobody else mails its owners). */
    private String importStartedByTheOwner() {
        String business = setup.business(fixture.firm(), "Console matrix imports");
        StringBuilder csv = new StringBuilder("business,email,role,send\r\n");
        for (int row = 0; row < 101; row++) {
            csv.append(business).append(",console-matrix-import-").append(row).append("@customer.test,owner,false\r\n");
        }
        return assertStatus(setup.api().send("POST", "/realms/" + setup.realm().name() + "/firm-access/api/v1/firms/"
                + fixture.firm().id() + "/portal/imports", setup.token(fixture.owner()),
                new TextBody("text/csv", csv.toString())), 202).json().get("id").asText();
    }

    @TestFactory
    Stream<DynamicContainer> everyCallerGetsTheAnswerOfTheTable() {
        return table().stream().map(row -> dynamicContainer(row.toString(), Arrays.stream(Caller.values())
                .filter(caller -> row.expected().containsKey(caller))
                .map(caller -> dynamicTest(caller + " gets " + row.expected().get(caller),
                        () -> check(row, caller)))));
    }

    @Test
    void theTableListsEveryRouteOfTheConsoleAndNothingElse() {
        Set<String> routes = JaxRsRoutes.of("dev.firmaccess.keycloak.api.FirmAccessRealmResource",
                        "/realms/{realm}/firm-access").stream()
                .filter(route -> route.contains("/firm-access/console"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> rows = table().stream()
                .flatMap(row -> JaxRsRoutes.normalize(CONSOLE + row.template()).stream()
                        .map(path -> row.method() + " " + path))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(rows).as("the console's routes").isEqualTo(routes);
    }

    private List<Row> table() {
        String firm = "/firms/{firm}";
        String staff = firm + "/staff/{userId}";
        String team = firm + "/teams/{teamId}";
        String invitation = firm + "/invitations/{invitationId}";
        String portal = firm + "/portal";
        String membership = portal + "/memberships/{membershipId}";
        return List.of(
                get("", Need.SIGNED_IN),
                get("/portal", Need.SIGNED_IN),
                get("/firms", Need.REALM_ADMIN_VIEW),
                get(firm, Need.FIRM_VIEW),
                get(firm + "/staff", Need.MANAGER_VIEW),
                post(staff + "/role", Map.of("role", "admin"), Need.MANAGER_CHANGE),
                post(staff + "/programmatic-access", Map.of("enabled", "false"), Need.MANAGER_CHANGE),
                post(staff + "/remove", Map.of(), Need.MANAGER_CHANGE),
                get(staff + "/access", Need.MANAGER_VIEW),
                post(staff + "/access", Map.of("business", "{businessId}", "level", "full"), Need.MANAGER_CHANGE),
                post(staff + "/access/all", Map.of("level", "full"), Need.MANAGER_CHANGE),
                get(firm + "/businesses", Need.MANAGER_VIEW),
                post(firm + "/businesses/share", Map.of("business", "{businessId}", "person", "{userId}",
                        "level", "full"), Need.MANAGER_CHANGE),
                post(firm + "/businesses", Map.of("name", "Made by a refused caller"), Need.STAFF_CHANGE),
                post(firm + "/businesses/{businessId}/archive", Map.of(), Need.MANAGER_CHANGE),
                get(firm + "/matrix", Need.MANAGER_VIEW),
                post(firm + "/matrix", Map.of("c.{businessId}.{userId}", "full", "w.{businessId}.{userId}", ""),
                        Need.MANAGER_CHANGE),
                post(firm + "/matrix/cell", Map.of("business", "{businessId}", "subject", "{userId}", "level", "full"),
                        Need.MANAGER_CHANGE),
                post(firm + "/matrix/assign-all", Map.of("userId", "{userId}", "level", "full"), Need.MANAGER_CHANGE),
                get(firm + "/mine", Need.FIRM_VIEW),
                get(firm + "/invitations", Need.MANAGER_FORM_PAGE),
                post(firm + "/invitations", Map.of("people", "console-matrix-refused@example.test", "role", "member"),
                        Need.MANAGER_CHANGE),
                post(invitation + "/resend", Map.of(), Need.MANAGER_CHANGE),
                post(invitation + "/cancel", Map.of(), Need.MANAGER_CHANGE),
                post(invitation + "/link", Map.of(), Need.MANAGER_CHANGE),
                get(firm + "/teams", Need.MANAGER_VIEW),
                post(firm + "/teams", Map.of("name", "Refused team"), Need.MANAGER_CHANGE),
                get(team, Need.MANAGER_VIEW),
                post(team + "/rename", Map.of("name", "Refused name"), Need.MANAGER_CHANGE),
                post(team + "/delete", Map.of(), Need.MANAGER_CHANGE),
                post(team + "/members", Map.of("userId", "{userId}"), Need.MANAGER_CHANGE),
                post(team + "/members/{userId}/remove", Map.of(), Need.MANAGER_CHANGE),
                post(team + "/grants", Map.of("businessId", "{businessId}", "level", "full"), Need.MANAGER_CHANGE),
                post(team + "/grants/{businessId}/revoke", Map.of(), Need.MANAGER_CHANGE),
                get(firm + "/levels", Need.FIRM_VIEW),
                post(firm + "/levels", Map.of("name", "refused-level"), Need.OWNER_CHANGE),
                post(firm + "/levels/{levelName}/delete", Map.of(), Need.OWNER_CHANGE),
                get(firm + "/sso", Need.MANAGER_VIEW),
                post(firm + "/sso", Map.of("role", "member"), Need.MANAGER_CHANGE),
                get(firm + "/audit", Need.MANAGER_VIEW),
                get(firm + "/keys", Need.OWN_KEYS),
                post(firm + "/keys", Map.of("name", "Refused key"), Need.OWN_KEYS),
                post(firm + "/keys/{keyId}/revoke", Map.of(), Need.OWN_KEYS),
                get(portal, Need.FIRM_VIEW),
                new Row("POST", portal + "/imports", Map.of("csv", "business,email,role\n{businessId},"
                        + "console-matrix-import@customer.test,guest\n"), Need.STAFF_CHANGE, true),
                get(portal + "/export", Need.FIRM_VIEW),
                get(portal + "/imports/{importId}", Need.STARTER_OR_FIRM_VIEWER),
                get(portal + "/businesses/{businessId}", Need.MANAGER_FORM_PAGE),
                post(portal + "/businesses/{businessId}/invite", Map.of("people", "console-matrix-guest@customer.test",
                        "role", "guest"), Need.MANAGER_CHANGE_UNSEEN_BY_MEMBER),
                post(portal + "/businesses/{businessId}/invite-owners", Map.of(), Need.MANAGER_CHANGE_UNSEEN_BY_MEMBER),
                post(portal + "/businesses/{businessId}/add", Map.of("userId", fixture.portalUser().id(),
                        "role", "guest"), Need.MANAGER_CHANGE_UNSEEN_BY_MEMBER),
                post(membership + "/send", Map.of(), Need.MANAGER_CHANGE_UNSEEN_BY_MEMBER),
                post(membership + "/cancel", Map.of(), Need.MANAGER_CHANGE_UNSEEN_BY_MEMBER),
                post(membership + "/remove", Map.of(), Need.MANAGER_CHANGE_UNSEEN_BY_MEMBER),
                post(membership + "/link", Map.of(), Need.MANAGER_CHANGE_UNSEEN_BY_MEMBER),
                post(portal + "/bulk", Map.of("action", "cancel", "membershipId", "{membershipId}"),
                        Need.MANAGER_CHANGE_UNSEEN_BY_MEMBER),
                // The sign-in's return leg without a code or state is a bad request, whoever asks.
                new Row("GET", "/callback", Map.of(), null, false),
                // Signing out is anyone's own business; without the session or its token it is refused.
                new Row("POST", "/logout", Map.of(), null, false));
    }

    private static Row get(String template, Need need) {
        return new Row("GET", template, Map.of(), need, false);
    }

    private static Row post(String template, Map<String, String> form, Need need) {
        return new Row("POST", template, form, need, false);
    }

    private void check(Row row, Caller caller) {
        Session session = sessions.get(caller);
        String url = consoleBase + fill(row.template());
        int expected = row.expected().get(caller);
        if (row.method().equals("GET")) {
            Answer answer = caller == Caller.ANONYMOUS || row.template().equals("/callback")
                    ? session.browser().get(url) : session.browser().open(url);
            if (expected == 302) {
                assertThat(answer.status()).as("%s", answer).isIn(302, 303);
                assertThat(answer.redirect().getPath()).as("%s", answer).endsWith("/protocol/openid-connect/auth");
            } else {
                assertRendered(answer, expected);
            }
            return;
        }
        long auditBefore = setup.auditCount(fixture.firm());
        Map<String, Object> before = watchedState();
        Map<String, String> form = new HashMap<>();
        row.form().forEach((name, value) -> form.put(fill(name), fill(value)));
        if (session.csrf() != null) {
            form.put("csrf", session.csrf());
        }
        Answer answer = row.multipart() ? session.browser().postMultipart(url, form) : session.browser().post(url, form);

        assertRendered(answer, expected);
        assertThat(setup.auditCount(fixture.firm())).as("audit records after %s", answer).isEqualTo(auditBefore);
        assertThat(watchedState()).as("the firm after %s", answer).isEqualTo(before);
    }

    @Test
    void aFormBodyThatCannotBeDecodedIsRefusedLikeOneWithoutItsTokenAndChangesNothing() {
        Session owner = sessions.get(Caller.OWNER);
        long auditBefore = setup.auditCount(fixture.firm());
        Map<String, Object> before = watchedState();

        Answer answer = owner.browser().postEncoded(consoleBase + "/firms/" + fixture.firm().alias() + "/teams",
                "csrf=" + owner.csrf() + "&name=Broken%ZZteam");

        assertRendered(answer, 403);
        assertThat(setup.auditCount(fixture.firm())).isEqualTo(auditBefore);
        assertThat(watchedState()).isEqualTo(before);
    }

    /** The expected status; a refusal is the console's own error page, never a container's answer. */
    private static void assertRendered(Answer answer, int expected) {
        assertThat(answer.status()).as("%s: %s", answer, answer.body().length() > 600
                ? answer.body().substring(0, 600) : answer.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(answer.html().select("html").attr("lang")).as("the console's error page: %s", answer)
                    .isNotBlank();
        }
    }

    /** What the refused posts aim at, read through the firm API as the realm administrator sees it. */
    private Map<String, Object> watchedState() {
        var api = setup.asRealmAdmin(fixture.firm());
        Map<String, Object> state = new HashMap<>();
        state.put("subject", setup.staffView(fixture.firm(), fixture.subject()).toString());
        state.put("grants", setup.grantees(fixture.firm(), fixture.unsharedBusiness()));
        state.put("businesses", Replies.totalCount(assertStatus(api.get("/businesses?max=1"), 200)));
        state.put("teams", Replies.totalCount(assertStatus(api.get("/teams?max=1"), 200)));
        state.put("invitations", assertStatus(api.get("/invitations/" + ids.get("invitationId")), 200).json().toString());
        state.put("portal", Replies.totalCount(assertStatus(api.get("/portal/memberships?max=1"), 200)));
        state.put("membership", assertStatus(api.get("/portal/memberships/" + ids.get("membershipId")), 200)
                .json().toString());
        state.put("keys", assertStatus(api.get("/staff/" + fixture.subject().id() + "/keys"), 200).json().toString());
        state.put("levels", assertStatus(api.get("/levels"), 200).json().toString());
        return state;
    }

    private String fill(String template) {
        String filled = template;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            filled = filled.replace("{" + id.getKey() + "}", id.getValue());
        }
        return filled;
    }

    /**
     * The status each caller must get. Anonymous GETs go to Keycloak's login (302 here) and
     * anonymous posts are refused (403); a post without the session's CSRF token is refused (403);
     * who is neither staff nor an administrator with organization rights meets the same 404 as for
     * an unknown firm.
     */
    private static Map<Caller, Integer> expected(String method, String template, Need need) {
        Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
        boolean get = method.equals("GET");
        if (need == null) {
            expected.put(Caller.ANONYMOUS, get ? 400 : 403);
            expected.put(Caller.OWNER_WITHOUT_CSRF, get ? 400 : 403);
            if (get) {
                expected.put(Caller.MEMBER, 400);
            }
            return expected;
        }
        expected.put(Caller.ANONYMOUS, get ? 302 : 403);
        if (!get) {
            expected.put(Caller.OWNER_WITHOUT_CSRF, 403);
        }
        // Who is neither staff nor an administrator with organization rights sees only what any signed-in user sees.
        int notStaff = switch (need) {
            case SIGNED_IN -> 200;
            case REALM_ADMIN_VIEW -> 403;
            default -> 404;
        };
        for (Caller caller : List.of(Caller.PORTAL_USER, Caller.STAFF_OF_OTHER_FIRM,
                Caller.ADMIN_WITHOUT_ORGANIZATION_RIGHTS)) {
            expected.put(caller, notStaff);
        }
        expected.putAll(need.staff);
        if (need == Need.MANAGER_FORM_PAGE && template.contains("/portal/businesses/")) {
            expected.put(Caller.MEMBER, 404);
        }
        if (need == Need.OWN_KEYS && !get) {
            expected.keySet().removeAll(List.of(Caller.OWNER, Caller.ADMIN, Caller.MEMBER));
            if (template.contains("{keyId}")) {
                expected.put(Caller.MEMBER, 404);
            }
        }
        return expected;
    }

    private Session signIn(Person person) {
        PortalBrowser browser = new PortalBrowser();
        Answer landed = browser.signInToConsole(consoleBase + "/", person.username(), TestRealm.PASSWORD);
        assertThat(landed.status()).as("the console after %s signed in: %s", person.username(), landed).isEqualTo(200);
        Element csrf = landed.html().selectFirst("input[name=csrf]");
        assertThat(csrf).as("a CSRF token on %s's first page %s", person.username(), landed).isNotNull();
        return new Session(browser, csrf.val());
    }

    /** A caller's browser and the CSRF token its pages carry (null: sent without one). */
    private record Session(PortalBrowser browser, String csrf) {

        static Session anonymous() {
            return new Session(new PortalBrowser(), null);
        }

        Session withoutCsrf() {
            return new Session(browser, null);
        }
    }

    /** One route of the console, the form a post sends, and the status each caller must get. */
    private record Row(String method, String template, Map<String, String> form, Need need, boolean multipart) {

        Map<Caller, Integer> expected() {
            return ConsoleRouteMatrixIT.expected(method, template, need);
        }

        @Override
        public String toString() {
            return method + " console" + template + (need == null ? "" : " (" + need + ")");
        }
    }
}
