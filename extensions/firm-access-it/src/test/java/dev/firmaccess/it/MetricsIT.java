package dev.firmaccess.it;

import static dev.firmaccess.it.support.Replies.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.it.invitations.Browser;
import dev.firmaccess.it.invitations.InvitationPage;
import dev.firmaccess.it.portal.ActivationPage;
import dev.firmaccess.it.portal.PortalBrowser;
import dev.firmaccess.it.support.MailEventSender;
import dev.firmaccess.it.support.OwnRealmTest;
import dev.firmaccess.testing.ClaimScope;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.WithSharedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The extension's meters as an operator's Prometheus scrapes them from the management port's
 * {@code /metrics}: each action moves its own series, read before and after (other tests share
 * the server, so only the difference counts).
 */
@WithSharedServer
class MetricsIT extends OwnRealmTest {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})?\\s+(\\S+)",
            Pattern.MULTILINE);
    private static final Pattern STAFF_LINK =
            Pattern.compile("https?://\\S+/firm-access/invitations/accept/[A-Za-z0-9._-]+");
    private static final Pattern PORTAL_LINK = Pattern.compile("https?://\\S+/portal/activate/[A-Za-z0-9._-]+");
    private static final String SECRET = MailEventSender.newSecret();
    private static final String PASSWORD = "S3cret-pass!";

    private final HttpClient scraper = HttpClient.newHttpClient();
    private String api;
    private String miaId;
    private List<String> businesses;

    MetricsIT() {
        super("metrics");
    }

    @BeforeAll
    void setUp() {
        miaId = newStaff(firmOwnedByOlivia("Metered & Co", "metered"), "mia");
        updateSettings(Map.of("invitationWebhookSecret", SECRET));
        api = firmApi("metered");
        businesses = List.of("Alder Ltd", "Birch Ltd", "Cedar Ltd").stream()
                .map(name -> ok(http.post(api + "/businesses", owner(), Map.of("name", name))).json().get("id").asText())
                .toList();
        for (String business : businesses.subList(0, 2)) {
            ok(http.put(api + "/businesses/" + business + "/grants/users/" + miaId, owner(), Map.of("level", "full")));
        }
        realm.addTestClientScope(ClaimScope.create(realm.admin(), "firm-access", Map.of("businessCap", "1")));
    }

    @Test
    void evaluationsAreCountedByDecisionAndTimed() {
        String mia = realm.accessToken("mia");
        double permits = sample("firm_access_evaluations_total", "decision", "permit");
        double denials = sample("firm_access_evaluations_total", "decision", "deny");
        double timed = sample("firm_access_evaluation_duration_seconds_count");

        assertThat(evaluate(mia, businesses.get(0))).isTrue();
        assertThat(evaluate(mia, businesses.get(2))).isFalse();
        assertThat(evaluate(mia, businesses.get(2))).isFalse();

        assertThat(sample("firm_access_evaluations_total", "decision", "permit") - permits).isEqualTo(1);
        assertThat(sample("firm_access_evaluations_total", "decision", "deny") - denials).isEqualTo(2);
        assertThat(sample("firm_access_evaluation_duration_seconds_count") - timed).isEqualTo(3);
        assertThat(sample("firm_access_evaluation_duration_seconds_sum")).isPositive();
    }

    @Test
    void claimBuildingIsTimedAndACutListIsCounted() {
        double built = sample("firm_access_claim_duration_seconds_count", "claim", ClaimScope.MAPPER);
        double capped = sample("firm_access_claims_capped_total");

        realm.signIn("mia");

        assertThat(sample("firm_access_claim_duration_seconds_count", "claim", ClaimScope.MAPPER) - built)
                .as("one claim value per token response, shared by its tokens").isEqualTo(1);
        assertThat(sample("firm_access_claims_capped_total") - capped).as("two businesses, cap 1").isEqualTo(1);
    }

    @Test
    void aStaffInvitationCountsItsMailItsAcceptAndTheWebhookEvent() {
        double sent = sample("firm_access_mails_total", "kind", "invitation", "outcome", "sent");
        double accepted = sample("firm_access_invitation_accepts_total", "outcome", "succeeded");
        double delivered = sample("firm_access_webhook_events_total", "status", "delivered", "outcome", "applied");
        String email = "nina@invitee.test";

        ok(http.post(api + "/invitations", owner(), Map.of("role", "member", "invitees", List.of(Map.of("email", email)))));
        String link = linkIn(STAFF_LINK, email);
        ok(webhook(Map.of("events", List.of(Map.of("email", email, "event", "delivered")))));
        Browser.Page joined = InvitationPage.open(new Browser(), link).register("Nina", "Newcomer", PASSWORD);
        assertThat(joined.status()).as(joined.toString()).isEqualTo(303);

        assertThat(sample("firm_access_mails_total", "kind", "invitation", "outcome", "sent") - sent).isEqualTo(1);
        assertThat(sample("firm_access_webhook_events_total", "status", "delivered", "outcome", "applied")
                - delivered).isEqualTo(1);
        assertThat(sample("firm_access_invitation_accepts_total", "outcome", "succeeded") - accepted).isEqualTo(1);
    }

    @Test
    void aPortalCsvImportCountsTheImportItsRowsTheMailAndTheActivation() {
        double imports = sample("firm_access_csv_imports_total", "outcome", "imported");
        double rejected = sample("firm_access_csv_imports_total", "outcome", "rejected");
        double rows = sample("firm_access_csv_import_rows_total", "outcome", "imported");
        double mails = sample("firm_access_mails_total", "kind", "portal-activation", "outcome", "sent");
        double activations = sample("firm_access_portal_activations_total", "outcome", "succeeded");
        String email = "gina@customer.test";

        HttpJson.Reply bad = csv("business,email,role\n" + businesses.get(0) + ",not-an-email,guest\n");
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        HttpJson.Reply imported = csv("business,email,role\n" + businesses.get(0) + "," + email + ",guest\n"
                + businesses.get(1) + "," + email + ",guest\n");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        PortalBrowser.Answer activated = ActivationPage.open(new PortalBrowser(), linkIn(PORTAL_LINK, email))
                .register("Gina", "Guest", PASSWORD, PASSWORD);
        assertThat(activated.status()).as(activated.toString()).isEqualTo(303);

        assertThat(sample("firm_access_csv_imports_total", "outcome", "imported") - imports).isEqualTo(1);
        assertThat(sample("firm_access_csv_imports_total", "outcome", "rejected") - rejected).isEqualTo(1);
        assertThat(sample("firm_access_csv_import_rows_total", "outcome", "imported") - rows).isEqualTo(2);
        assertThat(sample("firm_access_mails_total", "kind", "portal-activation", "outcome", "sent") - mails)
                .as("one mail per address").isEqualTo(1);
        assertThat(sample("firm_access_portal_activations_total", "outcome", "succeeded") - activations).isEqualTo(1);
    }

    // --- helpers -----------------------------------------------------------------------------

    /** The sum of the scraped series of that name whose labels include the given pairs; 0 before the first use. */
    private double sample(String name, String... labels) {
        String text = scrape();
        double sum = 0;
        Matcher samples = SAMPLE.matcher(text);
        while (samples.find()) {
            if (!samples.group(1).equals(name)) {
                continue;
            }
            String found = samples.group(3) == null ? "" : samples.group(3);
            boolean matches = true;
            for (int i = 0; i < labels.length; i += 2) {
                matches &= found.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
            }
            if (matches) {
                sum += Double.parseDouble(samples.group(4));
            }
        }
        return sum;
    }

    private String scrape() {
        try {
            HttpResponse<String> metrics = scraper.send(HttpRequest.newBuilder(
                    URI.create(env.server().managementUrl() + "/metrics")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            return metrics.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String owner() {
        return realm.accessToken("olivia");
    }

    private boolean evaluate(String token, String business) {
        return ok(http.post("/realms/" + realm.name() + "/firm-access/access/v1/evaluation", token, Map.of(
                "subject", Map.of("type", "user", "id", miaId), "action", Map.of("name", "read"),
                "resource", Map.of("type", "business", "id", business)))).json().get("decision").asBoolean();
    }

    private HttpJson.Reply csv(String body) {
        return http.send(http.request(api + "/portal/imports", owner()).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private HttpJson.Reply webhook(Object body) {
        return new MailEventSender(http, realm.name()).send(SECRET, body);
    }

    private String linkIn(Pattern link, String email) {
        String text = mail.awaitMessageTo(email, Duration.ofSeconds(20)).text();
        Matcher found = link.matcher(text);
        assertThat(found.find()).as("a link in the mail to " + email).isTrue();
        return found.group();
    }
}
