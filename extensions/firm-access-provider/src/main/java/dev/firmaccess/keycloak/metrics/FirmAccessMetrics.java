package dev.firmaccess.keycloak.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The extension's meters, in Micrometer's global registry: Keycloak's Quarkus runtime adds its
 * Prometheus registry there when the server runs with {@code --metrics-enabled=true}, so they
 * appear at the management port's {@code /metrics}; without it they cost next to nothing. Tags
 * take values from small fixed sets only (never realm, user or firm ids), so series stay few.
 * The names are documented in docs/operations.md.
 */
public final class FirmAccessMetrics {

    static final String EVALUATIONS = "firm_access_evaluations";
    static final String EVALUATION_DURATION = "firm_access_evaluation_duration";
    static final String CLAIM_DURATION = "firm_access_claim_duration";
    static final String CLAIMS_CAPPED = "firm_access_claims_capped";
    static final String MAILS = "firm_access_mails";
    static final String WEBHOOK_EVENTS = "firm_access_webhook_events";
    static final String INVITATION_ACCEPTS = "firm_access_invitation_accepts";
    static final String PORTAL_ACTIVATIONS = "firm_access_portal_activations";
    static final String CSV_IMPORTS = "firm_access_csv_imports";
    static final String CSV_IMPORT_ROWS = "firm_access_csv_import_rows";

    /** The outcome tag of an accept or activation that worked; refusals carry the problem's name. */
    public static final String SUCCEEDED = "succeeded";

    private FirmAccessMetrics() {
    }

    private static MeterRegistry registry() {
        return Metrics.globalRegistry;
    }

    /**
     * The evaluation meters, looked up once: a batch evaluates up to a thousand items, and finding a
     * meter by name and tags costs more than the decision. Meters of the global registry also reach
     * registries added to it later.
     */
    private static final class EvaluationMeters {
        static final Timer DURATION = registry().timer(EVALUATION_DURATION);
        static final Counter PERMITS = registry().counter(EVALUATIONS, "decision", "permit");
        static final Counter DENIALS = registry().counter(EVALUATIONS, "decision", "deny");
    }

    /** Times one access evaluation and counts its decision. */
    public static <T> T evaluation(Supplier<T> evaluate, Predicate<T> permitted) {
        Timer.Sample started = Timer.start(registry());
        T decision = evaluate.get();
        started.stop(EvaluationMeters.DURATION);
        (permitted.test(decision) ? EvaluationMeters.PERMITS : EvaluationMeters.DENIALS).increment();
        return decision;
    }

    /** Times the building of one claim value, tagged with the claim's kind. */
    public static <T> T claim(String claim, Supplier<T> build) {
        return registry().timer(CLAIM_DURATION, "claim", claim).record(build);
    }

    /** One firm's business list cut at the claim cap. */
    public static void claimCapped() {
        registry().counter(CLAIMS_CAPPED).increment();
    }

    /** One mail handed to the SMTP server, or refused by it; kind names the template. */
    public static void mail(String kind, boolean sent) {
        registry().counter(MAILS, "kind", kind, "outcome", sent ? "sent" : "failed").increment();
    }

    /** One mail-provider event received at the webhook, and whether it changed a delivery status. */
    public static void webhookEvent(String status, boolean applied) {
        registry().counter(WEBHOOK_EVENTS, "status", status, "outcome", applied ? "applied" : "ignored").increment();
    }

    /** One staff invitation accept: {@link #SUCCEEDED} or the problem that refused it. */
    public static void invitationAccept(String outcome) {
        registry().counter(INVITATION_ACCEPTS, "outcome", tag(outcome)).increment();
    }

    /** One portal activation: {@link #SUCCEEDED} or the problem that refused it. */
    public static void portalActivation(String outcome) {
        registry().counter(PORTAL_ACTIVATIONS, "outcome", tag(outcome)).increment();
    }

    /** One CSV import of portal users, all or nothing, with its row count. */
    public static void csvImport(boolean imported, int rows) {
        String outcome = imported ? "imported" : "rejected";
        registry().counter(CSV_IMPORTS, "outcome", outcome).increment();
        registry().counter(CSV_IMPORT_ROWS, "outcome", outcome).increment(rows);
    }

    private static String tag(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
