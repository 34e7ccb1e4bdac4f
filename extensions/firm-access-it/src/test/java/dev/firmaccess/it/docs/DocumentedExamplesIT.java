package dev.firmaccess.it.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.firmaccess.devserver.DemoSeed;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.WithSharedServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the command examples of README.md and docs/*.md (see {@link RunnableExamples} for how they
 * are marked) with bash and curl against the shared server, into which this test imports the demo
 * realm of realm-config/ and seeds it as the dev server does. The documents address the dev
 * server at http://localhost:8080; the commands run with that replaced by this server's address.
 * A document fails at its first command that exits non-zero or whose output lacks what the
 * document says it answers.
 */
@WithSharedServer
class DocumentedExamplesIT {

    private static final String DEV_SERVER = "http://localhost:8080";
    private static final String DEMO_REALM = "firm-demo";
    private static final long SCRIPT_TIMEOUT_SECONDS = 300;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+):([^}]*)}");

    private static final Path ROOT = Path.of(System.getProperty("firm-access.project.root"));

    @Test
    void everyCurlExampleOfTheDocumentsIsMarkedRunnable() throws IOException {
        List<String> unmarked = new ArrayList<>();
        for (Path document : documents()) {
            unmarked.addAll(examples(document).unmarkedCurlBlocks());
        }
        assertThat(unmarked).as("code blocks with curl that follow neither %s nor %s<reason> -->",
                RunnableExamples.MARKER, RunnableExamples.NOT_RUN).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> theDocumentedExamplesAnswerAsDocumented(TestEnvironment env) throws IOException {
        requireTools();
        importDemoRealm(env);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path document : documents()) {
            RunnableExamples examples = examples(document);
            if (!examples.steps().isEmpty()) {
                tests.add(DynamicTest.dynamicTest(examples.document(), () -> run(examples, env.server().baseUrl())));
            }
        }
        assertThat(tests).as("documents with runnable examples").isNotEmpty();
        return tests.stream();
    }

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(ROOT.resolve("README.md"));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    private static RunnableExamples examples(Path document) throws IOException {
        return RunnableExamples.parse(ROOT.relativize(document).toString(), Files.readString(document));
    }

    /** The examples are shell sessions: without bash and curl this test cannot say anything. */
    private static void requireTools() {
        for (String tool : List.of("bash", "curl")) {
            boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                    .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
            if (!found) {
                fail("The documentation's examples run with bash and curl, but '" + tool + "' is not on the PATH ("
                        + System.getenv("PATH") + "); install it to run this test");
            }
        }
    }

    /**
     * The demo realm file as the dev server imports it, its placeholders filled like Keycloak's
     * import does from the environment: the mail goes to this run's mail catcher.
     */
    private static void importDemoRealm(TestEnvironment env) throws IOException {
        HttpJson http = env.http();
        String adminToken = env.admin().tokenManager().getAccessTokenString();
        if (http.get("/admin/realms/" + DEMO_REALM, adminToken).status() == 200) {
            return;
        }
        Map<String, String> values = Map.of("FIRM_ACCESS_SMTP_HOST", "127.0.0.1",
                "FIRM_ACCESS_SMTP_PORT", String.valueOf(env.mail().smtpPort()));
        Matcher placeholders = PLACEHOLDER.matcher(Files.readString(ROOT.resolve("realm-config/demo-realm.json")));
        String realm = placeholders.replaceAll(found ->
                Matcher.quoteReplacement(values.getOrDefault(found.group(1), found.group(2))));
        HttpJson.Reply imported = http.send(http.request("/admin/realms", adminToken)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(realm, StandardCharsets.UTF_8)));
        assertThat(imported.status()).as("import of the demo realm: %s", imported).isEqualTo(201);
        List<String> problems = DemoSeed.seed(env.admin(), http, ROOT.resolve("realm-config/demo-firm-access.json"));
        assertThat(problems).as("demo seeding").isEmpty();
    }

    private static void run(RunnableExamples examples, String baseUrl) throws IOException, InterruptedException {
        List<RunnableExamples.Step> steps = examples.steps();
        StringBuilder script = new StringBuilder("set -euo pipefail\n");
        for (int i = 0; i < steps.size(); i++) {
            script.append(steps.get(i).command().replace(DEV_SERVER, baseUrl)).append('\n');
            script.append("printf '\\n%s\\n' '").append(separator(i)).append("'\n");
        }
        Path workDir = Files.createDirectories(TestEnvironment.workDir().resolve("doc-examples")
                .resolve(examples.document().replace('/', '_')));
        Path output = workDir.resolve("output.txt");
        Path errors = workDir.resolve("errors.txt");
        Process bash = new ProcessBuilder("bash", "-c", script.toString()).directory(workDir.toFile())
                .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
        if (!bash.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            bash.destroyForcibly();
            fail(examples.document() + ": the examples did not finish within " + SCRIPT_TIMEOUT_SECONDS + " s");
        }
        String out = Files.readString(output);
        int from = 0;
        for (int i = 0; i < steps.size(); i++) {
            RunnableExamples.Step step = steps.get(i);
            int end = out.indexOf("\n" + separator(i) + "\n", from);
            String where = examples.document() + ":" + step.line();
            if (end < 0) {
                fail(where + ": the command exited with " + bash.exitValue() + ":\n" + step.command()
                        + "\noutput:\n" + out.substring(from) + "\nerrors:\n" + Files.readString(errors));
            }
            String answer = out.substring(from, end);
            System.out.println(where + ": " + step.command() + "\n" + answer + "\n");
            assertThat(step.matches(answer)).as("%s: the output of\n%s\nis\n%s\nbut the document says it contains, "
                    + "in order (... for any text):\n%s", where, step.command(), answer,
                    String.join("\n", step.expected())).isTrue();
            from = end + separator(i).length() + 2;
        }
    }

    private static String separator(int step) {
        return "@@ end of example step " + step + " @@";
    }
}
