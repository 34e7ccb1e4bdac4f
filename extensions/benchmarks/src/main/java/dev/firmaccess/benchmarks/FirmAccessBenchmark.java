package dev.firmaccess.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.benchmarks.FirmLoader.LoadedFirm;
import dev.firmaccess.testing.Database;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.TestEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts Keycloak with the provider, loads a large firm, and prints side by side: token refresh
 * throughput with our claim, with Keycloak's organization claim and with neither; evaluation
 * latency and throughput against Keycloak's userinfo; and claim sizes. Every loop is bounded.
 */
public final class FirmAccessBenchmark {

    private static final int REFRESH_ROUNDS = 3;
    private static final int REFRESHES_PER_ROUND = 600;
    private static final int SEQUENTIAL_CALLS = 2_000;
    private static final int PARALLEL_CALLS = 4_000;
    private static final int BATCH = 100;
    private static final int BATCH_CALLS = 200;
    private static final int CONSOLE_CALLS = 50;
    /** The console's page size (ConsoleFirmResource.PAGE_SIZE). */
    private static final int CONSOLE_PAGE_SIZE = 20;
    /** The total in the pager's "1–20 of 10,000", whatever the number's grouping. */
    private static final Pattern PAGER_TOTAL =
            Pattern.compile("class=\"fa-pager\"[^>]*>\\s*<span>[^<]*? of ([\\d,.\\s\u00a0]+)</span>");

    private final TestEnvironment env;
    private final HttpJson http;
    private final LoadedFirm firm;
    private final Random random = new Random(42);
    private final String realmPath = "/realms/" + FirmLoader.REALM;

    private FirmAccessBenchmark(TestEnvironment env, LoadedFirm firm) {
        this.env = env;
        this.http = env.http();
        this.firm = firm;
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        try (TestEnvironment env = TestEnvironment.start("benchmark", Database.h2InMemory())) {
            long loadStart = System.nanoTime();
            LoadedFirm firm = new FirmLoader(env).load();
            System.out.printf("%nLoaded %,d businesses, %,d staff, %d teams, %,d grants in %.0f s%n",
                    firm.businessIds().size(), firm.staffIds().size(), FirmLoader.TEAMS, firm.grants(),
                    (System.nanoTime() - loadStart) / 1e9);
            new FirmAccessBenchmark(env, firm).run();
        }
        System.out.printf("%nTotal run time %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    private void run() {
        refreshes();
        evaluations();
        effectiveAccess();
        consolePages();
        claimSizes();
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
        Map<String, Double> seconds = new LinkedHashMap<>();
        tokens.forEach((mode, refreshTokens) -> Load.run(FirmLoader.THREADS, 200, i -> refresh(refreshTokens, i)));
        for (int round = 0; round < REFRESH_ROUNDS; round++) {
            tokens.forEach((mode, refreshTokens) -> seconds.merge(mode,
                    Load.run(FirmLoader.THREADS, REFRESHES_PER_ROUND, i -> refresh(refreshTokens, i)), Double::sum));
        }
        double plain = REFRESH_ROUNDS * REFRESHES_PER_ROUND / seconds.get("plain (openid)");
        System.out.printf("%nToken refresh throughput (%d members, %d threads, %d refreshes per mode, modes interleaved)%n",
                firm.sampleMembers().size(), FirmLoader.THREADS, REFRESH_ROUNDS * REFRESHES_PER_ROUND);
        System.out.printf("  %-24s %10s %8s%n", "mode", "refresh/s", "ratio");
        seconds.forEach((mode, taken) -> {
            double rate = REFRESH_ROUNDS * REFRESHES_PER_ROUND / taken;
            System.out.printf("  %-24s %10.1f %8.2f%n", mode, rate, rate / plain);
        });
    }

    private void refresh(List<String> refreshTokens, int i) {
        HttpJson.Reply reply = http.postForm(realmPath + "/protocol/openid-connect/token", Map.of(
                "grant_type", "refresh_token", "client_id", FirmLoader.CLIENT,
                "refresh_token", refreshTokens.get(i % refreshTokens.size())));
        expect200(reply);
    }

    private void evaluations() {
        String evaluator = evaluatorToken();
        String userToken = signIn(firm.sampleMembers().get(0), "openid").get("access_token").asText();
        String api = realmPath + "/firm-access/access/v1/";
        Latencies userinfo = Latencies.of(200, SEQUENTIAL_CALLS,
                () -> expect200(http.get(realmPath + "/protocol/openid-connect/userinfo", userToken)));
        double userinfoRate = PARALLEL_CALLS / Load.run(FirmLoader.THREADS, PARALLEL_CALLS,
                i -> expect200(http.get(realmPath + "/protocol/openid-connect/userinfo", userToken)));
        Latencies single = Latencies.of(200, SEQUENTIAL_CALLS,
                () -> expect200(http.post(api + "evaluation", evaluator, evaluation())));
        double singleRate = PARALLEL_CALLS / Load.run(FirmLoader.THREADS, PARALLEL_CALLS,
                i -> expect200(http.post(api + "evaluation", evaluator, evaluation())));
        Latencies batch = Latencies.of(20, BATCH_CALLS,
                () -> expect200(http.post(api + "evaluations", evaluator, batch())));
        double batchRate = BATCH_CALLS * 2 / Load.run(FirmLoader.THREADS, BATCH_CALLS * 2,
                i -> expect200(http.post(api + "evaluations", evaluator, batch())));
        System.out.printf("%nEvaluation (random member x business of the firm; sequential latency, %d-thread throughput)%n",
                FirmLoader.THREADS);
        System.out.printf("  %-34s %8s %8s %10s %14s%n", "call", "p50 ms", "p99 ms", "calls/s", "p50 vs userinfo");
        row("Keycloak userinfo (baseline)", userinfo, userinfoRate, userinfo);
        row("evaluation (single)", single, singleRate, userinfo);
        row("evaluations (batch of " + BATCH + ")", batch, batchRate, userinfo);
        System.out.printf("  batch of %d / single, p50: %.1fx, p99: %.1fx; decisions per second in batches: %.0f%n",
                BATCH, batch.percentile(50) / single.percentile(50), batch.percentile(99) / single.percentile(99),
                batchRate * BATCH);
    }

    private static void row(String name, Latencies latencies, double rate, Latencies baseline) {
        System.out.printf("  %-34s %8.2f %8.2f %10.1f %13.2fx%n", name, latencies.percentile(50),
                latencies.percentile(99), rate, latencies.percentile(50) / baseline.percentile(50));
    }

    private Map<String, Object> evaluation() {
        String user = firm.staffIds().get(FirmLoader.ADMINS + 1 + random.nextInt(firm.staffIds().size() - FirmLoader.ADMINS - 1));
        String business = firm.businessIds().get(random.nextInt(firm.businessIds().size()));
        return Map.of("subject", Map.of("type", "user", "id", user), "action", Map.of("name", random.nextBoolean()
                ? "read" : "write"), "resource", Map.of("type", "business", "id", business));
    }

    private Map<String, Object> batch() {
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
        System.out.printf("%nClaim size (bytes of the firm_access claim's JSON in the access token; whole token in brackets)%n");
        claimSize("owner", firm.owner(), FirmLoader.SCOPE);
        claimSize("member, 1,000+ grants, capped", firm.heavyMember(), FirmLoader.SCOPE);
        claimSize("member, 1,000+ grants, uncapped", firm.heavyMember(), FirmLoader.UNCAPPED_SCOPE);
        claimSize("member, typical (capped)", firm.sampleMembers().get(0), FirmLoader.SCOPE);
    }

    private void claimSize(String who, String userId, String scope) {
        String token = signIn(userId, "openid " + scope).get("access_token").asText();
        JsonNode claim = payload(token).get("firm_access");
        JsonNode businesses = claim.get(0).get("businesses");
        System.out.printf("  %-34s %7d bytes  [%6d]  businesses listed: %s, capped: %s%n", who,
                claim.toString().getBytes(StandardCharsets.UTF_8).length, token.length(),
                businesses.isArray() ? Integer.toString(businesses.size()) : businesses.asText(),
                claim.get(0).get("businessesCapped").asBoolean());
    }

    private JsonNode signIn(String userId, String scope) {
        String username = username(userId);
        HttpJson.Reply reply = http.postForm(realmPath + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", FirmLoader.CLIENT, "username", username,
                "password", FirmLoader.PASSWORD, "scope", scope));
        return expect200(reply).json();
    }

    private String evaluatorToken() {
        return expect200(http.postForm(realmPath + "/protocol/openid-connect/token", Map.of(
                "grant_type", "client_credentials", "client_id", FirmLoader.EVALUATOR,
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
