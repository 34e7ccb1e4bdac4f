package dev.firmaccess.it.console;

import static dev.firmaccess.it.support.Replies.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.it.portal.PortalBrowser.Answer;
import dev.firmaccess.it.portal.PortalBrowser;
import dev.firmaccess.it.support.Firm;
import dev.firmaccess.it.support.FirmSetupTest;
import dev.firmaccess.it.support.Person;
import dev.firmaccess.it.support.Replies;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.WithSharedServer;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Every console page of a firm with more than one page of each list, read over HTTP as owner,
 * admin and member: each answers a page (never a 500), and the rendered next and previous links
 * walk every list with a search term that must be URL-encoded, keeping it and the page's filters.
 */
@WithSharedServer
class ConsolePagingIT extends FirmSetupTest {

    /** Umlauts, an ampersand, a slash and a percent sign: each one breaks a link that is not encoded as UTF-8. */
    private static final String TERM = "Müller & Söhne / 50%";
    /**
     * People's names (and, to page the same term, teams' names): Keycloak's user profile refuses
     * {@code & / %} in names, so umlauts and a space must do.
     */
    private static final String PERSON_TERM = "Müller Söhne";
    private static final int PAGE_SIZE = 20;
    private static final int MATCHING_BUSINESSES = 45;
    private static final int OTHER_BUSINESSES = 205;
    private static final int ARCHIVED_MATCHING = 25;
    private static final int MATCHING_STAFF = 60;
    private static final int OTHER_STAFF = 60;
    private static final int MATCHING_TEAMS = 25;
    private static final int PENDING_INVITATIONS = 30;
    private static final int TEAM_GRANTS = 30;
    private static final int MATCHING_PORTAL_USERS = 60;
    private static final int OTHER_PORTAL_USERS = 60;
    private static final Pattern RANGE = Pattern.compile("(\\d+)–(\\d+) of (\\d+)");

    private Firm firm;
    private String consoleUrl;
    private String firmUrl;
    private Person owner;
    private Person admin;
    private Person member;
    private String portalBusiness;
    private String bigTeam;
    private String invitationLink;
    private String activationLink;
    private long businessAuditRecords;
    private final AtomicInteger namedStaff = new AtomicInteger();

    ConsolePagingIT() {
        super("console-paging");
    }

    @BeforeAll
    void setUp() {
        firm = setup.newFirm("Müller & Söhne");
        consoleUrl = env.server().baseUrl() + "/realms/" + setup.realm().name() + "/firm-access/console/";
        firmUrl = consoleUrl + "firms/" + firm.alias() + "/";
        owner = setup.staff(firm, "olivia", "owner");
        admin = setup.staff(firm, "adam", "admin");
        member = setup.staff(firm, "mia", "member");

        List<Map<String, String>> memberGrants = new ArrayList<>();
        for (int i = 1; i <= MATCHING_BUSINESSES; i++) {
            String id = setup.business(firm, TERM + " " + i);
            memberGrants.add(Map.of("businessId", id, "subjectType", "user", "subjectId", member.id(),
                    "level", "full"));
        }
        assertStatus(setup.asRealmAdmin(firm).post("/grants", Map.of("grants", memberGrants)), 200);
        for (int i = 1; i <= OTHER_BUSINESSES; i++) {
            setup.business(firm, "Plain books " + i);
        }
        for (int i = 1; i <= ARCHIVED_MATCHING; i++) {
            setup.archivedBusiness(firm, TERM + " archived " + i);
        }
        portalBusiness = setup.business(firm, "Portal workspace");

        List<Person> matchingStaff = IntStream.rangeClosed(1, MATCHING_STAFF)
                .mapToObj(i -> namedColleague(setup.realm(), PERSON_TERM + " " + i)).toList();
        IntStream.rangeClosed(1, OTHER_STAFF).forEach(i -> setup.colleague(firm, "member"));

        for (int i = 1; i <= MATCHING_TEAMS; i++) {
            setup.team(firm, PERSON_TERM + " team " + i);
        }
        bigTeam = setup.team(firm, "Everyone");
        matchingStaff.subList(0, PAGE_SIZE + 5).forEach(person -> setup.join(firm, bigTeam, person));
        assertStatus(setup.asRealmAdmin(firm).post("/grants", Map.of("grants", memberGrants.stream()
                .limit(TEAM_GRANTS)
                .map(grant -> Map.of("businessId", grant.get("businessId"), "subjectType", "team", "subjectId", bigTeam,
                        "level", "full"))
                .toList())), 200);

        List<Map<String, String>> invitees = IntStream.rangeClosed(1, PENDING_INVITATIONS)
                .mapToObj(i -> Map.of("email", "invitee" + i + "@example.test", "lastName", PERSON_TERM)).toList();
        String invitation = assertStatus(setup.asRealmAdmin(firm).post("/invitations",
                Map.of("invitees", invitees, "role", "member")), 201).json().get(0).get("id").asText();
        invitationLink = assertStatus(setup.as(owner, firm).post("/invitations/" + invitation + "/link", ""), 200)
                .json().get("link").asText();

        String membership = portalInvite("customer", MATCHING_PORTAL_USERS, PERSON_TERM);
        portalInvite("plain", OTHER_PORTAL_USERS, "Plain");
        activationLink = assertStatus(setup.asRealmAdmin(firm).post("/portal/memberships/" + membership + "/link", null), 200)
                .json().get("url").asText();

        businessAuditRecords = Replies.totalCount(assertStatus(setup.asRealmAdmin(firm)
                .get("/audit?max=1&action=business.created&targetType=business"), 200));
        assertThat(setup.auditCount(firm)).as("audit records of the firm").isGreaterThan(300);
    }

    /** A staff member whose last name is the search term, so the staff search finds them. */
    private Person namedColleague(TestRealm realm, String lastName) {
        String username = "named-" + namedStaff.incrementAndGet();
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setLastName(lastName);
        user.setEnabled(true);
        try (Response created = realm.admin().users().create(user)) {
            assertThat(created.getStatus()).as("creating %s", username).isEqualTo(201);
            String location = created.getLocation().getPath();
            Person person = new Person(username, location.substring(location.lastIndexOf('/') + 1));
            realm.addMember(firm.id(), person.id());
            return person;
        }
    }

    /** Pending portal invitations of the portal business in one call; answers the first membership's id. */
    private String portalInvite(String stem, int count, String lastName) {
        List<Map<String, String>> invitees = IntStream.rangeClosed(1, count)
                .mapToObj(i -> Map.of("email", stem + i + "@customer.test", "firstName", "Client",
                        "lastName", lastName))
                .toList();
        return assertStatus(setup.asRealmAdmin(firm).post("/portal/invitations", Map.of(
                "businessId", portalBusiness, "role", "owner", "send", false, "invitees", invitees)), 201)
                .json().get(0).get("id").asText();
    }

    /** A signed-in console session over plain HTTP. */
    private PortalBrowser signedIn(Person person) {
        PortalBrowser browser = new PortalBrowser();
        Answer answer = browser.signInToConsole(consoleUrl, person.username(), TestRealm.PASSWORD);
        assertThat(answer.status()).as("console after signing in as %s: %s", person.username(), answer).isEqualTo(200);
        return browser;
    }

    private String withSearch(String page) {
        return withSearch(page, TERM);
    }

    private String withSearch(String page, String term) {
        return firmUrl + page + (page.contains("?") ? "&" : "?") + "search="
                + URLEncoder.encode(term, StandardCharsets.UTF_8);
    }

    /**
     * Walks a list forward by its rendered "next" links and back by "previous": every page answers
     * 200, keeps the search term in its links and the given filters, and the pages together hold
     * as many rows as the list says it has.
     */
    private void walk(PortalBrowser browser, String firstPage, String rows, long expectedTotal,
            Map<String, String> keptFilters) {
        walk(browser, firstPage, rows, expectedTotal, keptFilters, "pager", "first");
    }

    /** The same for the second list of a page, with its own pager (the id of its links) and offset parameter. */
    private void walk(PortalBrowser browser, String firstPage, String rows, long expectedTotal,
            Map<String, String> keptFilters, String pager, String offset) {
        Answer page = browser.open(firstPage);
        List<String> visited = new ArrayList<>();
        int seenRows = 0;
        while (true) {
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            Document html = page.html();
            Element nav = html.getElementById(pager);
            assertThat(nav).as("the pager %s on %s", pager, page.uri()).isNotNull();
            Matcher range = RANGE.matcher(nav.select("span").text());
            assertThat(range.find()).as("the pager's range on %s", page.uri()).isTrue();
            assertThat(Long.parseLong(range.group(3))).as("total on %s", page.uri()).isEqualTo(expectedTotal);
            int onPage = html.select(rows).size();
            assertThat(onPage).as("rows on %s", page.uri())
                    .isEqualTo(Integer.parseInt(range.group(2)) - Integer.parseInt(range.group(1)) + 1);
            seenRows += onPage;
            visited.add(page.uri().toString());
            Element next = html.getElementById(pager + "-next");
            if (next == null) {
                break;
            }
            assertKeeps(next.absUrl("href"), keptFilters);
            page = browser.open(next.absUrl("href"));
        }
        assertThat(seenRows).as("rows over all pages of %s", firstPage).isEqualTo(expectedTotal);
        assertThat(visited).hasSize((int) ((expectedTotal + PAGE_SIZE - 1) / PAGE_SIZE));

        for (int back = visited.size() - 2; back >= 0; back--) {
            Element previous = page.html().getElementById(pager + "-previous");
            assertThat(previous).as("a previous link on %s", page.uri()).isNotNull();
            assertKeeps(previous.absUrl("href"), keptFilters);
            page = browser.open(previous.absUrl("href"));
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            assertThat(query(page.uri()).get(offset)).isEqualTo(String.valueOf(back * PAGE_SIZE));
        }
        assertThat(page.html().getElementById(pager + "-previous")).as("previous on the first page").isNull();
    }

    private static void assertKeeps(String link, Map<String, String> keptFilters) {
        Map<String, String> query = query(URI.create(link));
        assertThat(query).containsAllEntriesOf(keptFilters);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] nameValue = pair.split("=", 2);
            query.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                    nameValue.length < 2 ? "" : URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    private static Map<String, String> searched(Map<String, String> filters) {
        return searched(filters, TERM);
    }

    private static Map<String, String> searched(Map<String, String> filters, String term) {
        Map<String, String> kept = new HashMap<>(filters);
        kept.put("search", term);
        return kept;
    }

    /** The owner's and the admin's lists: the same pages, the same paging. */
    abstract class ManagerPages {

        abstract Person person();

        private PortalBrowser browser;

        private PortalBrowser browser() {
            if (browser == null) {
                browser = signedIn(person());
            }
            return browser;
        }

        @Test
        void everyConsolePageAnswersAPage() {
            List<String> pages = List.of("", "staff", "staff/" + member.id() + "/access", "businesses",
                    "businesses?archived=true", "invitations", "teams", "teams/" + bigTeam, "audit", "portal",
                    "portal/businesses/" + portalBusiness, "mine", "keys");
            for (String page : pages) {
                Answer answer = browser().open(firmUrl + page);
                assertThat(answer.status()).as("%s", answer).isEqualTo(200);
                assertThat(answer.html().getElementById("page-title")).as("a console page at %s", page).isNotNull();
            }
            assertThat(browser().open(consoleUrl).status()).isEqualTo(200);
        }

        @Test
        void businessesPageThroughTheSearchAndTheArchivedView() {
            walk(browser(), withSearch("businesses"), "#business-table tr[data-business]",
                    MATCHING_BUSINESSES, searched(Map.of()));
            walk(browser(), withSearch("businesses?archived=true"), "#business-table tr[data-business]",
                    ARCHIVED_MATCHING, searched(Map.of("archived", "true")));
        }

        @Test
        void staffAndAMembersAccessPageThroughTheSearch() {
            walk(browser(), withSearch("staff", PERSON_TERM), "#staff-table tr[data-username]", MATCHING_STAFF,
                    searched(Map.of(), PERSON_TERM));
            walk(browser(), withSearch("staff/" + member.id() + "/access"), "#access-table tr[data-business]",
                    MATCHING_BUSINESSES, searched(Map.of()), "access-pager", "first");
        }

        @Test
        void myBusinessesPageThroughTheSearch() {
            walk(browser(), withSearch("mine"), "#my-businesses tr[data-business]", MATCHING_BUSINESSES,
                    searched(Map.of()));
        }

        @Test
        void teamsPageThroughTheSearch() {
            walk(browser(), withSearch("teams", PERSON_TERM), "#team-table tr[data-team]", MATCHING_TEAMS,
                    searched(Map.of(), PERSON_TERM));
        }

        @Test
        void aTeamsMembersAndItsBusinessesPageEachWithTheirOwnPager() {
            walk(browser(), firmUrl + "teams/" + bigTeam, "#team-members li", PAGE_SIZE + 5,
                    Map.of("grantsFirst", "0"));
            walk(browser(), firmUrl + "teams/" + bigTeam + "?first=" + PAGE_SIZE, "#team-grants tr[data-business]",
                    TEAM_GRANTS, Map.of("first", String.valueOf(PAGE_SIZE)), "grants-pager", "grantsFirst");
        }

        @Test
        void invitationsPage() {
            walk(browser(), firmUrl + "invitations", "#invitation-table tr[data-email]", PENDING_INVITATIONS, Map.of());
        }

        @Test
        void portalUsersPageWithTheirFiltersAndPerBusiness() {
            walk(browser(), withSearch("portal?business=" + portalBusiness + "&status=pending", PERSON_TERM),
                    "#portal-table tr[data-email]", MATCHING_PORTAL_USERS,
                    searched(Map.of("business", portalBusiness, "status", "pending"), PERSON_TERM));
            walk(browser(), firmUrl + "portal/businesses/" + portalBusiness, "#portal-table tr[data-email]",
                    MATCHING_PORTAL_USERS + OTHER_PORTAL_USERS, Map.of());
        }

        @Test
        void auditLogPagesWithItsFilters() {
            walk(browser(), firmUrl + "audit?action=business.created&targetType=business",
                    "#audit-table tr[data-action]", businessAuditRecords,
                    Map.of("action", "business.created", "targetType", "business"));
        }
    }

    @Nested
    class AsTheOwner extends ManagerPages {
        @Override
        Person person() {
            return owner;
        }
    }

    @Nested
    class AsAnAdmin extends ManagerPages {
        @Override
        Person person() {
            return admin;
        }
    }

    @Nested
    class AsAMember {

        @Test
        void everyConsolePageAnswersAPageOrTheRefusalPageNeverAnError() {
            PortalBrowser browser = signedIn(member);
            for (String page : List.of("mine", "keys", "portal")) {
                Answer answer = browser.open(firmUrl + page);
                assertThat(answer.status()).as("%s", answer).isEqualTo(200);
            }
            for (String page : List.of("", "staff", "staff/" + member.id() + "/access", "businesses",
                    "businesses?archived=true", "invitations", "teams", "teams/" + bigTeam, "audit",
                    "portal/businesses/" + portalBusiness)) {
                Answer answer = browser.followed(browser.open(firmUrl + page));
                assertThat(answer.status()).as("%s", answer).isIn(200, 403, 404);
                assertThat(answer.html().getElementById("page-title")).as("a console page at %s", page).isNotNull();
            }
        }

        @Test
        void myBusinessesPageThroughTheSearch() {
            walk(signedIn(member), withSearch("mine"), "#my-businesses tr[data-business]", MATCHING_BUSINESSES,
                    searched(Map.of()));
        }
    }

    @Nested
    class InvitationAndActivationPages {

        @Test
        void theStaffInvitationPageOfThisFirmRenders() {
            Answer page = new PortalBrowser().open(invitationLink);

            assertThat(page.status()).as("%s", page).isEqualTo(200);
            assertThat(page.html().text()).contains(firm.name());
        }

        @Test
        void thePortalActivationPageOfThisFirmRenders() {
            Answer page = new PortalBrowser().open(activationLink);

            assertThat(page.status()).as("%s", page).isEqualTo(200);
            assertThat(page.html().getElementById("firm-access-portal-activation")).isNotNull();
        }
    }
}
