package dev.firmaccess.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.benchmarks.FirmLoader.LoadedFirm;
import dev.firmaccess.testing.EmbeddedPostgresDatabase;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.TestEnvironment;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts Keycloak with the provider, loads a large firm, and prints side by side: token refresh
 * throughput with our claim, with Keycloak's organization claim and with neither; evaluation
 * latency and throughput against Keycloak's userinfo; and claim sizes. Every loop is bounded.
 */
public final class FirmAccessBenchmark {

    /** With 9 rounds the median ratio of the same code moved by up to 0.05 between runs on an idle machine. */
    private static final int ROUNDS = 15;
    /** A third of a second per round at 200 made a collection pause a visible share of a round. */
    private static final int REFRESHES_PER_ROUND = Scale.CURRENT.calls(400);
    private static final int SEQUENTIAL_CALLS = Scale.CURRENT.calls(2_000);
    private static final int PARALLEL_CALLS = Scale.CURRENT.calls(4_000);
    private static final int BATCH = 100;
    private static final int BATCH_CALLS = Scale.CURRENT.calls(200);
    private static final int EVALUATION_BODIES = 5_000;
    private static final int BATCH_BODIES = 200;
    private static final int CONSOLE_CALLS = Scale.CURRENT.calls(50);
    /** Sessions signed in per user and scope for the refresh lines of one user. */
    private static final int SESSIONS = 4;
    /** The console's page size (ConsoleFirmResource.PAGE_SIZE). */
    private static final int CONSOLE_PAGE_SIZE = 20;
    /** The total in the pager's "1–20 of 10,000", whatever the number's grouping. */
    private static final Pattern PAGER_TOTAL =
            Pattern.compile("class=\"fa-page-range\">[^<]*? of ([\\d,.\\s\u00a0]+)</span>");
    private static final ClaimShape STAFF_CLAIM = new ClaimShape("firm_access", "businesses");
    private static final ClaimShape PORTAL_CLAIM = new ClaimShape("firm_portal", "workspaces");

    private final TestEnvironment env;
    private final HttpJson http;
    private final LoadedFirm firm;
    private final ExtraFirms extra;
    private final GoalTable goals;
    private final Random random = new Random(42);
    private final List<String> evaluationBodies;
    private final List<String> batchBodies;
    private final String realmPath = "/realms/" + FirmLoader.REALM;

    private FirmAccessBenchmark(TestEnvironment env, LoadedFirm firm, ExtraFirms extra, GoalTable goals) {
        this.env = env;
        this.http = env.http();
        this.firm = firm;
        this.extra = extra;
        this.goals = goals;
        // The benchmark's own JSON work would weigh on the evaluations and not on userinfo (2 cores for all).
        this.evaluationBodies = bodies(EVALUATION_BODIES, this::randomEvaluation);
        this.batchBodies = bodies(BATCH_BODIES, this::randomBatch);
    }

    private static List<String> bodies(int count, Supplier<Object> body) {
        List<String> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            bodies.add(HttpJson.json(body.get()));
        }
        return List.copyOf(bodies);
    }

    public static void main(String[] args) {
        measure();
    }

    /** Runs every line of the benchmark at the current scale and prints it; answers the goals as measured. */
    static GoalTable measure() {
        long start = System.nanoTime();
        System.out.printf("Scale: %s, calls divided by %d; load average at start: %.1f on %d cores%n",
                Scale.CURRENT.name(), Scale.CURRENT.callDivisor(), loadAverage(),
                Runtime.getRuntime().availableProcessors());
        GoalTable goals = new GoalTable();
        try (EmbeddedPostgresDatabase postgres = EmbeddedPostgresDatabase.start();
                TestEnvironment env = TestEnvironment.startWithDefaultCaches("benchmark", postgres.asKeycloakDatabase())) {
            long loadStart = System.nanoTime();
            LoadedFirm firm = new FirmLoader(env).load();
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            System.out.printf("%nLoaded %,d businesses, %,d staff, %d teams, %,d grants through the public API in %.0f s%n",
                    firm.businessIds().size(), firm.staffIds().size(), FirmLoader.TEAMS, firm.grants(), loadSeconds);
            goals.atMost("loading the benchmark firm through the API < 60 s", loadSeconds, 60, "%.0f s");
            ExtraFirms extra = new ExtraFirms(env, () -> connect(postgres), firm).load();
            new FirmAccessBenchmark(env, firm, extra, goals).run();
            goals.print();
        }
        System.out.printf("%nTotal run time %.0f s; load average at the end: %.1f%n", (System.nanoTime() - start) / 1e9,
                loadAverage());
        return goals;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static Connection connect(EmbeddedPostgresDatabase postgres) {
        try {
            return postgres.connect();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void run() {
        refreshes();
        refreshByUser();
        multiFirmUser();
        evaluations();
        effectiveAccess();
        consolePages();
        claimSizes();
        flatWithSize();
        bulkShareAndRevoke();
    }

    /**
     * Refresh throughput of single users with the claim, with Keycloak's organization claim and with
     * neither, each user's modes interleaved: an owner, the member with 1,000+ grants, a typical member.
     */
    private void refreshByUser() {
        Map<String, String> users = new LinkedHashMap<>();
        users.put("owner", firm.owner());
        users.put("member with 1,000+ grants (capped)", firm.heavyMember());
        users.put("typical member", firm.sampleMembers().get(0));
        System.out.printf("%nToken refresh throughput per user (%d sessions each, %d threads, modes interleaved in %d"
                + " rounds; ratios: the median of the rounds' ratios)%n", SESSIONS, FirmLoader.THREADS, ROUNDS);
        System.out.printf("  %-36s %10s %10s %10s %8s %8s%n", "user", "plain/s", "claim/s", "org/s", "claim", "org");
        users.forEach((who, userId) -> {
            RoundRates rates = refreshRates(Map.of("plain", sessions(userId, "openid"),
                    "claim", sessions(userId, "openid " + FirmLoader.SCOPE),
                    "organization", sessions(userId, "openid organization")));
            double claim = rates.ratio("claim", "plain");
            double organization = rates.ratio("organization", "plain");
            System.out.printf("  %-36s %10.1f %10.1f %10.1f %8.2f %8.2f%n", who, rates.perSecond("plain"),
                    rates.perSecond("claim"), rates.perSecond("organization"), claim, organization);
            goals.atLeast("refresh with claim >= 0.95 of plain, " + who, claim, 0.95, "%.2f");
            goals.add("refresh with claim ahead of Keycloak's organization mapper, " + who,
                    String.format("%.2f vs %.2f", claim, organization), claim >= organization);
        });
    }

    /** A user who is staff of 10 firms and portal user in 100 workspaces, against a typical member of one firm. */
    private void multiFirmUser() {
        String scope = "openid " + FirmLoader.SCOPE;
        RoundRates rates = refreshRates(Map.of("one firm", sessions(firm.sampleMembers().get(0), scope),
                "10 firms + 100 workspaces", sessions(extra.multiFirmUser(), scope)));
        double ratio = rates.ratio("10 firms + 100 workspaces", "one firm");
        System.out.printf("%nToken refresh with the claims, staff of 10 firms and portal user in %d workspaces%n",
                extra.workspaces());
        rates.modes().forEach(who -> System.out.printf("  %-36s %10.1f refresh/s%n", who, rates.perSecond(who)));
        goals.atLeast("10 firms + 100 workspaces refresh within 10 % of one firm", ratio, 0.9, "%.2f of one firm");
    }

    /** Refresh and evaluation in a firm of 1,000 businesses against one of 100,000, same shape of grants. */
    private void flatWithSize() {
        System.out.printf("%nFlat with size (sequential latency; members with a team of 100 and 20 direct grants)%n");
        System.out.printf("  %-40s %8s %8s%n", "call", "p50 ms", "p99 ms");
        String evaluator = evaluatorToken(FirmLoader.SESSION_EVALUATOR);
        List<String> labels = new ArrayList<>();
        List<Runnable> refreshes = new ArrayList<>();
        List<Runnable> evaluations = new ArrayList<>();
        for (ExtraFirms.SizedFirm sized : extra.sized()) {
            List<String> tokens = sized.members().stream()
                    .map(user -> signIn(user, "openid " + FirmLoader.SCOPE).get("refresh_token").asText()).toList();
            labels.add(String.format("%,d businesses", sized.businessIds().size()));
            refreshes.add(() -> refresh(tokens, random.nextInt(tokens.size())));
            evaluations.add(() -> expect200(http.post(realmPath
                    + "/firm-access/access/v1/evaluation", evaluator, Map.of(
                    "subject", Map.of("type", "user", "id", sized.members().get(random.nextInt(sized.members().size()))),
                    "action", Map.of("name", "read"), "resource", Map.of("type", "business",
                            "id", sized.businessIds().get(random.nextInt(sized.businessIds().size())))))));
        }
        // The sizes in turn, call by call, so that the machine's load weighs on both alike.
        // As many refreshes as evaluations: a p99 of fewer calls rests on a handful of them.
        Map<String, Latencies> refresh = byLabel(labels, Latencies.interleaved(50, SEQUENTIAL_CALLS, refreshes));
        // An evaluation takes a fifth of a refresh: three times as many calls for a p99 as well founded.
        Map<String, Latencies> evaluation = byLabel(labels, Latencies.interleaved(100, 3 * SEQUENTIAL_CALLS, evaluations));
        refresh.forEach((label, l) -> System.out.printf("  %-40s %8.2f %8.2f%n", "refresh with claim, " + label,
                l.percentile(50), l.percentile(99)));
        evaluation.forEach((label, l) -> System.out.printf("  %-40s %8.2f %8.2f%n", "evaluation, " + label,
                l.percentile(50), l.percentile(99)));
        flatGoal("refresh with claim", refresh);
        flatGoal("evaluation", evaluation);
    }

    private static Map<String, Latencies> byLabel(List<String> labels, List<Latencies> latencies) {
        Map<String, Latencies> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            byLabel.put(labels.get(i), latencies.get(i));
        }
        return byLabel;
    }

    private void flatGoal(String call, Map<String, Latencies> bySize) {
        List<Latencies> sizes = List.copyOf(bySize.values());
        for (int p : new int[] {50, 99}) {
            double change = sizes.get(1).percentile(p) / sizes.get(0).percentile(p) - 1;
            goals.atMost(String.format("%s p%d changes < 20 %% from %s to %s", call, p, bySize.keySet().toArray()[0],
                    bySize.keySet().toArray()[1]), Math.abs(change) * 100, 20, "%.0f %%");
        }
    }

    /** One bulk call sharing every business of the firm with one member, and one revoking them all. */
    private void bulkShareAndRevoke() {
        String member = firm.staffIds().get(FirmLoader.ADMINS + FirmLoader.SIGNED_IN_MEMBERS + 2);
        List<Map<String, String>> items = firm.businessIds().stream()
                .map(id -> Map.of("businessId", id, "subjectType", "user", "subjectId", member, "level", "read-only"))
                .toList();
        String admin = env.admin().tokenManager().getAccessTokenString();
        String api = "/admin/realms/" + FirmLoader.REALM + "/firm-access/firms/" + FirmLoader.FIRM + "/grants";
        long start = System.nanoTime();
        expect200(http.post(api, admin, Map.of("grants", items)));
        double share = (System.nanoTime() - start) / 1e9;
        List<Map<String, String>> revoke = items.stream()
                .map(item -> Map.of("businessId", item.get("businessId"), "subjectType", "user", "subjectId", member))
                .toList();
        start = System.nanoTime();
        expect200(http.post(api + "/revoke", admin, Map.of("grants", revoke)));
        double revoked = (System.nanoTime() - start) / 1e9;
        System.out.printf("%nBulk calls of %,d grants to one member (one call each, wall time on loopback)%n", items.size());
        System.out.printf("  share %.2f s, revoke %.2f s%n", share, revoked);
        goals.atMost(String.format("bulk share of %,d businesses <= 2 s", items.size()), share, 2, "%.2f s");
        goals.atMost(String.format("bulk revoke of %,d businesses <= 2 s", items.size()), revoked, 2, "%.2f s");
    }

    /** Refresh tokens of {@link #SESSIONS} sign-ins of one user with one scope. */
    private List<String> sessions(String userId, String scope) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            tokens.add(signIn(userId, scope).get("refresh_token").asText());
        }
        return tokens;
    }

    /**
     * Refreshes per second of each mode's tokens in rounds after one untimed warm-up: every round
     * runs every mode once, starting with the next mode each round, so that the machine's changing
     * load and the order of modes fall on all of them alike.
     */
    private RoundRates refreshRates(Map<String, List<String>> tokensByMode) {
        Map<String, IntConsumer> modes = new LinkedHashMap<>();
        tokensByMode.forEach((mode, tokens) -> modes.put(mode, i -> refresh(tokens, i)));
        return roundRates(modes, REFRESHES_PER_ROUND);
    }

    /**
     * Calls per second of each mode in {@link #ROUNDS} rounds of {@code callsPerRound} calls on
     * {@link FirmLoader#THREADS} threads, after one untimed warm-up round of each: every round runs
     * every mode once, starting with the next mode each round, so that the machine's changing load
     * and the order of modes fall on all of them alike.
     */
    private static RoundRates roundRates(Map<String, IntConsumer> callsByMode, int callsPerRound) {
        List<Map.Entry<String, IntConsumer>> modes = List.copyOf(callsByMode.entrySet());
        modes.forEach(mode -> Load.run(FirmLoader.THREADS, callsPerRound, mode.getValue()));
        RoundRates rates = new RoundRates();
        for (int round = 0; round < ROUNDS; round++) {
            for (int m = 0; m < modes.size(); m++) {
                Map.Entry<String, IntConsumer> mode = modes.get((round + m) % modes.size());
                rates.add(mode.getKey(), callsPerRound / Load.run(FirmLoader.THREADS, callsPerRound, mode.getValue()));
            }
        }
        return rates;
    }

    /**
     * The console pages that list the firm's 10,000 businesses, first and last page, as a signed-in
     * owner and as the member with 1,000+ grants fetch them: sequential, whole pages, after a warm-up.
     * The access matrix is timed with its first page of staff columns, all its cells in one query.
     */
    private void consolePages() {
        String console = env.server().baseUrl() + realmPath + "/firm-access/console/";
        String pages = console + "firms/" + FirmLoader.FIRM + "/";
        String token = signIn(firm.owner(), "openid").get("access_token").asText();
        ConsoleSession owner = ConsoleSession.signIn(console, username(firm.owner()), FirmLoader.PASSWORD);
        ConsoleSession member = ConsoleSession.signIn(console, username(firm.heavyMember()), FirmLoader.PASSWORD);
        Latencies userinfo = Latencies.of(20, CONSOLE_CALLS,
                () -> expect200(http.get(realmPath + "/protocol/openid-connect/userinfo", token)));
        System.out.printf("%nConsole pages of the firm of %,d businesses (whole page, sequential latency)%n",
                firm.businessIds().size());
        System.out.printf("  %-44s %8s %8s %14s%n", "page", "p50 ms", "p99 ms", "p50 vs userinfo");
        latencyRow("Keycloak userinfo (baseline)", userinfo, userinfo, 44);
        consolePage("Businesses, owner", owner, pages + "businesses", userinfo);
        consolePage("Access matrix, owner", owner, pages + "matrix", userinfo);
        consolePage("My businesses, owner", owner, pages + "mine", userinfo);
        consolePage("My businesses, member with 1,000+ grants", member, pages + "mine", userinfo);
    }

    /** Times the first page of a list and its last, whose offset the first page's pager tells. */
    private void consolePage(String name, ConsoleSession session, String url, Latencies baseline) {
        Matcher range = PAGER_TOTAL.matcher(session.page(url));
        if (!range.find()) {
            throw new IllegalStateException(url + " shows no pager: the list fits one page");
        }
        long total = Long.parseLong(range.group(1).replaceAll("\\D", ""));
        String last = url + "?first=" + (total - 1) / CONSOLE_PAGE_SIZE * CONSOLE_PAGE_SIZE;
        latencyRow(name + ", first page", Latencies.of(5, CONSOLE_CALLS, () -> session.page(url)), baseline, 44);
        latencyRow(name + ", last page", Latencies.of(5, CONSOLE_CALLS, () -> session.page(last)), baseline, 44);
    }

    private String username(String userId) {
        return env.admin().realm(FirmLoader.REALM).users().get(userId).toRepresentation().getUsername();
    }

    /** The firm API's effective-access and explain calls for the member with 1,000+ grants, as they ask themselves. */
    private void effectiveAccess() {
        String token = signIn(firm.heavyMember(), "openid").get("access_token").asText();
        String access = realmPath + "/firm-access/api/v1/firms/" + FirmLoader.FIRM + "/staff/" + firm.heavyMember()
                + "/access";
        Latencies userinfo = Latencies.of(100, SEQUENTIAL_CALLS,
                () -> expect200(http.get(realmPath + "/protocol/openid-connect/userinfo", token)));
        Latencies page = Latencies.of(50, SEQUENTIAL_CALLS, () -> expect200(http.get(access + "?max=100", token)));
        Latencies explain = Latencies.of(50, SEQUENTIAL_CALLS,
                () -> expect200(http.get(access + "/explain?max=100", token)));
        Latencies one = Latencies.of(50, SEQUENTIAL_CALLS, () -> expect200(http.get(access + "/explain?businessId="
                + firm.businessIds().get(random.nextInt(firm.businessIds().size())), token)));
        System.out.printf("%nEffective access of the member with 1,000+ grants in the firm of %,d businesses"
                + " (sequential latency)%n", firm.businessIds().size());
        System.out.printf("  %-34s %8s %8s %14s%n", "call", "p50 ms", "p99 ms", "p50 vs userinfo");
        latencyRow("Keycloak userinfo (baseline)", userinfo, userinfo, 34);
        latencyRow("GET .../access (page of 100)", page, userinfo, 34);
        latencyRow("GET .../access/explain (page of 100)", explain, userinfo, 34);
        latencyRow("GET .../access/explain?businessId", one, userinfo, 34);
    }

    private static void latencyRow(String name, Latencies latencies, Latencies baseline, int nameWidth) {
        System.out.printf("  %-" + nameWidth + "s %8.2f %8.2f %13.2fx%n", name, latencies.percentile(50),
                latencies.percentile(99), latencies.percentile(50) / baseline.percentile(50));
    }

    private void refreshes() {
        Map<String, String> modes = new LinkedHashMap<>();
        modes.put("plain (openid)", "openid");
        modes.put("firm_access claim", "openid " + FirmLoader.SCOPE);
        modes.put("firm_access, cap 10", "openid " + FirmLoader.SMALL_SCOPE);
        modes.put("Keycloak organization", "openid organization");
        Map<String, List<String>> tokens = new LinkedHashMap<>();
        modes.forEach((mode, scope) -> tokens.put(mode, firm.sampleMembers().stream()
                .map(user -> signIn(user, scope).get("refresh_token").asText()).toList()));
        RoundRates rates = refreshRates(tokens);
        System.out.printf("%nToken refresh throughput (%d members, %d threads, %d refreshes per mode in %d rounds;"
                + " ratio: the median of the rounds' ratios)%n",
                firm.sampleMembers().size(), FirmLoader.THREADS, ROUNDS * REFRESHES_PER_ROUND, ROUNDS);
        System.out.printf("  %-24s %10s %8s%n", "mode", "refresh/s", "ratio");
        modes.keySet().forEach(mode -> System.out.printf("  %-24s %10.1f %8.2f%n", mode, rates.perSecond(mode),
                rates.ratio(mode, "plain (openid)")));
    }

    private void refresh(List<String> refreshTokens, int i) {
        HttpJson.Reply reply = http.postForm(realmPath + "/protocol/openid-connect/token", Map.of(
                "grant_type", "refresh_token", "client_id", FirmLoader.CLIENT,
                "refresh_token", refreshTokens.get(i % refreshTokens.size())));
        expect200(reply);
    }

    /**
     * A single evaluation against Keycloak's userinfo, both with tokens of a user session, then the
     * same evaluation with the evaluator's default client-credentials token (no session: Keycloak
     * builds a transient one on every call), and a batch.
     */
    private void evaluations() {
        String evaluator = evaluatorToken(FirmLoader.SESSION_EVALUATOR);
        String transientEvaluator = evaluatorToken(FirmLoader.EVALUATOR);
        String userToken = signIn(firm.sampleMembers().get(0), "openid").get("access_token").asText();
        String api = realmPath + "/firm-access/access/v1/";
        // The baseline and the evaluations in turn, call by call, so that the machine's load weighs on all alike.
        List<Latencies> paired = Latencies.interleaved(200, SEQUENTIAL_CALLS, List.of(
                () -> expect200(http.get(realmPath + "/protocol/openid-connect/userinfo", userToken)),
                () -> expect200(http.post(api + "evaluation", evaluator, evaluation())),
                () -> expect200(http.post(api + "evaluation", transientEvaluator, evaluation()))));
        Latencies userinfo = paired.get(0);
        Latencies single = paired.get(1);
        Map<String, IntConsumer> throughputModes = new LinkedHashMap<>();
        throughputModes.put("userinfo", i -> expect200(http.get(realmPath + "/protocol/openid-connect/userinfo", userToken)));
        throughputModes.put("single", i -> expect200(http.post(api + "evaluation", evaluator, evaluation())));
        throughputModes.put("sessionless", i -> expect200(http.post(api + "evaluation", transientEvaluator, evaluation())));
        // Rounds of about a second each: shorter ones let one collection pause decide a round's ratio.
        RoundRates throughput = roundRates(throughputModes, PARALLEL_CALLS);
        double userinfoRate = throughput.perSecond("userinfo");
        double singleRate = throughput.perSecond("single");
        double transientRate = throughput.perSecond("sessionless");
        Latencies batch = Latencies.of(20, BATCH_CALLS,
                () -> expect200(http.post(api + "evaluations", evaluator, batch())));
        double batchRate = BATCH_CALLS * 2 / Load.run(FirmLoader.THREADS, BATCH_CALLS * 2,
                i -> expect200(http.post(api + "evaluations", evaluator, batch())));
        System.out.printf("%nEvaluation (random member x business of the firm; sequential latency; %d-thread throughput"
                + " in %d rounds, its ratio the median of the rounds')%n", FirmLoader.THREADS, ROUNDS);
        System.out.printf("  %-40s %8s %8s %10s %14s%n", "call", "p50 ms", "p99 ms", "calls/s", "p50 vs userinfo");
        row("Keycloak userinfo (baseline)", userinfo, userinfoRate, userinfo);
        row("evaluation (single)", single, singleRate, userinfo);
        row("evaluations (batch of " + BATCH + ")", batch, batchRate, userinfo);
        row("evaluation, token without a session", paired.get(2), transientRate, userinfo);
        System.out.printf("  batch of %d / single, p50: %.1fx, p99: %.1fx; decisions per second in batches: %.0f%n",
                BATCH, batch.percentile(50) / single.percentile(50), batch.percentile(99) / single.percentile(99),
                batchRate * BATCH);
        goals.atLeast("single evaluation throughput >= 0.8x userinfo", throughput.ratio("single", "userinfo"), 0.8,
                "%.2fx");
        goals.atMost("single evaluation p99 <= 2x userinfo's p99", single.percentile(99) / userinfo.percentile(99), 2,
                "%.2fx");
        goals.atMost("batch of 100 <= 3x single, p50", batch.percentile(50) / single.percentile(50), 3, "%.2fx");
        goals.atMost("batch of 100 <= 3x single, p99", batch.percentile(99) / single.percentile(99), 3, "%.2fx");
    }

    private static void row(String name, Latencies latencies, double rate, Latencies baseline) {
        System.out.printf("  %-40s %8.2f %8.2f %10.1f %13.2fx%n", name, latencies.percentile(50),
                latencies.percentile(99), rate, latencies.percentile(50) / baseline.percentile(50));
    }

    /** A random single evaluation's body, of those serialised before any timed call. */
    private String evaluation() {
        return evaluationBodies.get(ThreadLocalRandom.current().nextInt(evaluationBodies.size()));
    }

    /** A random batch's body, of those serialised before any timed call. */
    private String batch() {
        return batchBodies.get(ThreadLocalRandom.current().nextInt(batchBodies.size()));
    }

    private Map<String, Object> randomEvaluation() {
        String user = firm.staffIds().get(FirmLoader.ADMINS + 1 + random.nextInt(firm.staffIds().size() - FirmLoader.ADMINS - 1));
        String business = firm.businessIds().get(random.nextInt(firm.businessIds().size()));
        return Map.of("subject", Map.of("type", "user", "id", user), "action", Map.of("name", random.nextBoolean()
                ? "read" : "write"), "resource", Map.of("type", "business", "id", business));
    }

    private Map<String, Object> randomBatch() {
        String user = firm.staffIds().get(FirmLoader.ADMINS + 1 + random.nextInt(firm.staffIds().size() - FirmLoader.ADMINS - 1));
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            items.add(Map.of("resource", Map.of("type", "business",
                    "id", firm.businessIds().get(random.nextInt(firm.businessIds().size())))));
        }
        return Map.of("subject", Map.of("type", "user", "id", user), "action", Map.of("name", "read"),
                "evaluations", items);
    }

    private void claimSizes() {
        System.out.printf("%nClaim size (bytes of the claim's JSON in the access token; whole token in brackets)%n");
        int largest = Math.max(Math.max(claimSize("owner", firm.owner(), FirmLoader.SCOPE, STAFF_CLAIM),
                claimSize("member, 1,000+ grants, capped", firm.heavyMember(), FirmLoader.SCOPE, STAFF_CLAIM)),
                Math.max(claimSize("member, typical (capped)", firm.sampleMembers().get(0), FirmLoader.SCOPE, STAFF_CLAIM),
                        claimSize("staff of 10 firms (capped)", extra.multiFirmUser(), FirmLoader.SCOPE, STAFF_CLAIM)));
        largest = Math.max(largest, claimSize(String.format("portal user in %d workspaces (capped)", extra.workspaces()),
                extra.multiFirmUser(), FirmLoader.SCOPE, PORTAL_CLAIM));
        claimSize("member, 1,000+ grants, uncapped", firm.heavyMember(), FirmLoader.UNCAPPED_SCOPE, STAFF_CLAIM);
        goals.atMost("default claim of any user <= 4 KB", largest / 1024.0, 4, "%.1f KB");
    }

    /** A claim and the name of the list each of its firms carries. */
    private record ClaimShape(String name, String list) {
    }

    /** Prints the size of the user's claim with the scope; answers its bytes. */
    private int claimSize(String who, String userId, String scope, ClaimShape shape) {
        JsonNode tokens = signIn(userId, "openid " + scope);
        String token = tokens.get("access_token").asText();
        JsonNode claim = payload(token).get(shape.name());
        int bytes = claim.toString().getBytes(StandardCharsets.UTF_8).length;
        int listed = 0;
        for (JsonNode firmClaim : claim) {
            listed += firmClaim.path(shape.list()).isArray() ? firmClaim.get(shape.list()).size() : 0;
        }
        System.out.printf("  %-38s %-11s %6d bytes  [access token %6d, ID token %5d]  firms: %d, %s listed: %d%n",
                who, shape.name(), bytes, token.length(), tokens.get("id_token").asText().length(), claim.size(),
                shape.list(), listed);
        return bytes;
    }

    private JsonNode signIn(String userId, String scope) {
        String username = username(userId);
        HttpJson.Reply reply = http.postForm(realmPath + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", FirmLoader.CLIENT, "username", username,
                "password", FirmLoader.PASSWORD, "scope", scope));
        return expect200(reply).json();
    }

    private String evaluatorToken(String clientId) {
        return expect200(http.postForm(realmPath + "/protocol/openid-connect/token", Map.of(
                "grant_type", "client_credentials", "client_id", clientId,
                "client_secret", FirmLoader.SECRET))).json().get("access_token").asText();
    }

    private static JsonNode payload(String jwt) {
        try {
            return HttpJson.MAPPER.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpJson.Reply expect200(HttpJson.Reply reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException("Unexpected answer: " + reply);
        }
        return reply;
    }
}
