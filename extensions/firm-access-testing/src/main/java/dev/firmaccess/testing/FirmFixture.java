package dev.firmaccess.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One firm and its people, as a small JSON file: the realm it lives in, its staff with roles, its
 * businesses, teams, grants and client-portal users. docs/testing-your-app.md describes the format.
 * {@link #read(Path)} checks the whole file before anything reaches a server and reports every
 * problem at once, so a bad fixture changes nothing.
 *
 * @param realm       the realm to create; the firm's alias when absent
 * @param client      the public client whose tokens the kit hands out; {@value #DEFAULT_CLIENT} when absent
 * @param password    everyone's password; {@value #DEFAULT_PASSWORD} when absent
 * @param accessLevels the realm's access levels; the extension's default, {@code full} alone, when absent
 */
public record FirmFixture(String realm, String client, String password, List<String> accessLevels, Firm firm,
        List<Staff> staff, List<Business> businesses, List<Team> teams, List<Grant> grants,
        List<PortalUser> portalUsers) {

    public static final String DEFAULT_CLIENT = "firm-access-test-app";
    public static final String DEFAULT_PASSWORD = "Passw0rd!";

    private static final Set<String> STAFF_ROLES = Set.of("owner", "admin", "member");
    private static final Set<String> PORTAL_ROLES = Set.of("owner", "guest");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** The firm, a Keycloak organization: its name and alias (lower-case letters, digits, dashes). */
    public record Firm(String name, String alias) {
    }

    /** A staff member: username (lower case), role ({@code owner}, {@code admin}, {@code member}); email optional. */
    public record Staff(String username, String role, String email, String firstName, String lastName) {

        /** The email address: the given one, or {@code username@example.test}. */
        public String emailOrDefault() {
            return email != null ? email : username + "@example.test";
        }
    }

    /** A client business of the firm, named uniquely within the fixture. */
    public record Business(String name) {
    }

    /** A team with its members (usernames of staff). */
    public record Team(String name, List<String> members) {
    }

    /** A share of a business (by name) with a staff member (username) or a team (name); level {@code full} when absent. */
    public record Grant(String business, String user, String team, String level) {

        public String levelOrDefault() {
            return level != null ? level : "full";
        }
    }

    /**
     * A customer of the firm with portal access to businesses (by name), activated as if they had
     * followed their invitation; they sign in with their email address. Role {@code owner} or
     * {@code guest}; level {@code full} when absent.
     */
    public record PortalUser(String email, String role, String level, List<String> businesses, String firstName,
            String lastName) {
    }

    public FirmFixture {
        staff = listOrEmpty(staff);
        businesses = listOrEmpty(businesses);
        teams = listOrEmpty(teams);
        grants = listOrEmpty(grants);
        portalUsers = listOrEmpty(portalUsers);
        accessLevels = accessLevels == null ? null : List.copyOf(accessLevels);
    }

    public static FirmFixture read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read fixture " + file, e);
        }
    }

    /** Reads a fixture from the classpath, e.g. {@code "/fixtures/firm.json"} from {@code src/test/resources}. */
    public static FirmFixture fromResource(String name) {
        try (InputStream in = FirmFixture.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name + " on the classpath");
            }
            return read(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read fixture " + name, e);
        }
    }

    /** Reads a fixture from a stream; {@code source} names it in error messages. */
    public static FirmFixture read(InputStream in, String source) throws IOException {
        FirmFixture fixture;
        try {
            fixture = MAPPER.readValue(in, FirmFixture.class);
        } catch (UnrecognizedPropertyException e) {
            throw new FixtureException(source, List.of("unknown field \"" + e.getPropertyName() + "\" at "
                    + e.getPathReference() + "; known fields: " + e.getKnownPropertyIds()));
        } catch (JsonProcessingException e) {
            throw new FixtureException(source, List.of("not a fixture: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")));
        }
        List<String> problems = fixture.problems();
        if (!problems.isEmpty()) {
            throw new FixtureException(source, problems);
        }
        return fixture;
    }

    /** The realm's name: the given one, or the firm's alias. */
    public String realmOrDefault() {
        return realm != null ? realm : firm.alias();
    }

    public String clientOrDefault() {
        return client != null ? client : DEFAULT_CLIENT;
    }

    public String passwordOrDefault() {
        return password != null ? password : DEFAULT_PASSWORD;
    }

    /** Every problem of the fixture, each with the place it is at; empty when it can be loaded. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (firm == null) {
            problems.add("firm: required, e.g. {\"name\": \"Ledger & Co\", \"alias\": \"ledger\"}");
        } else {
            requireText(problems, "firm.name", firm.name());
            requireMatch(problems, "firm.alias", firm.alias(), SLUG);
        }
        if (realm != null) {
            requireMatch(problems, "realm", realm, SLUG);
        }
        if (client != null) {
            requireMatch(problems, "client", client, SLUG);
        }
        if (password != null && password.isBlank()) {
            problems.add("password: must not be blank");
        }
        if (accessLevels != null && !accessLevels.contains("full")) {
            problems.add("accessLevels: must contain \"full\", which every realm keeps");
        }
        Set<String> usernames = new HashSet<>();
        for (int i = 0; i < staff.size(); i++) {
            Staff person = staff.get(i);
            String at = "staff[" + i + "]";
            if (requireMatch(problems, at + ".username", person.username(), USERNAME)
                    && !usernames.add(person.username())) {
                problems.add(at + ".username: \"" + person.username() + "\" appears twice");
            }
            requireOneOf(problems, at + ".role", person.role(), STAFF_ROLES);
            if (person.email() != null) {
                requireMatch(problems, at + ".email", person.email(), EMAIL);
            }
        }
        Set<String> businessNames = uniqueNames(problems, "businesses", businesses.stream().map(Business::name).toList());
        Set<String> teamNames = uniqueNames(problems, "teams", teams.stream().map(Team::name).toList());
        for (int i = 0; i < teams.size(); i++) {
            List<String> members = listOrEmpty(teams.get(i).members());
            for (int m = 0; m < members.size(); m++) {
                requireKnown(problems, "teams[" + i + "].members[" + m + "]", members.get(m), usernames, "staff");
            }
        }
        for (int i = 0; i < grants.size(); i++) {
            Grant grant = grants.get(i);
            String at = "grants[" + i + "]";
            requireKnown(problems, at + ".business", grant.business(), businessNames, "businesses");
            if ((grant.user() == null) == (grant.team() == null)) {
                problems.add(at + ": give either \"user\" or \"team\"");
            } else if (grant.user() != null) {
                requireKnown(problems, at + ".user", grant.user(), usernames, "staff");
            } else {
                requireKnown(problems, at + ".team", grant.team(), teamNames, "teams");
            }
            requireLevel(problems, at + ".level", grant.level());
        }
        Set<String> emails = new HashSet<>();
        for (int i = 0; i < portalUsers.size(); i++) {
            PortalUser user = portalUsers.get(i);
            String at = "portalUsers[" + i + "]";
            if (requireMatch(problems, at + ".email", user.email(), EMAIL) && !emails.add(user.email())) {
                problems.add(at + ".email: \"" + user.email() + "\" appears twice");
            }
            requireOneOf(problems, at + ".role", user.role(), PORTAL_ROLES);
            requireLevel(problems, at + ".level", user.level());
            List<String> workspaces = listOrEmpty(user.businesses());
            if (workspaces.isEmpty()) {
                problems.add(at + ".businesses: name at least one business");
            }
            for (int b = 0; b < workspaces.size(); b++) {
                requireKnown(problems, at + ".businesses[" + b + "]", workspaces.get(b), businessNames, "businesses");
            }
        }
        return problems;
    }

    private void requireLevel(List<String> problems, String at, String level) {
        if (level != null && accessLevels != null && !accessLevels.contains(level)) {
            problems.add(at + ": \"" + level + "\" is not one of accessLevels " + accessLevels);
        } else if (level != null && accessLevels == null && !level.equals("full")) {
            problems.add(at + ": \"" + level + "\" needs accessLevels listing it (the realm knows \"full\" alone)");
        }
    }

    private static Set<String> uniqueNames(List<String> problems, String list, List<String> names) {
        Set<String> unique = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String at = list + "[" + i + "].name";
            if (requireText(problems, at, names.get(i)) && !unique.add(names.get(i))) {
                problems.add(at + ": \"" + names.get(i) + "\" appears twice");
            }
        }
        return unique;
    }

    private static boolean requireText(List<String> problems, String at, String value) {
        if (value == null || value.isBlank()) {
            problems.add(at + ": required");
            return false;
        }
        return true;
    }

    private static boolean requireMatch(List<String> problems, String at, String value, Pattern pattern) {
        if (!requireText(problems, at, value)) {
            return false;
        }
        if (!pattern.matcher(value).matches()) {
            problems.add(at + ": \"" + value + "\" does not match " + pattern.pattern());
            return false;
        }
        return true;
    }

    private static void requireOneOf(List<String> problems, String at, String value, Set<String> allowed) {
        if (requireText(problems, at, value) && !allowed.contains(value)) {
            problems.add(at + ": \"" + value + "\" is not one of " + allowed.stream().sorted().toList());
        }
    }

    private static void requireKnown(List<String> problems, String at, String value, Set<String> known, String list) {
        if (requireText(problems, at, value) && !known.contains(value)) {
            problems.add(at + ": \"" + value + "\" is not in " + list);
        }
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
