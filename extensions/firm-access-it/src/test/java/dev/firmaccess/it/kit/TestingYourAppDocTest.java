package dev.firmaccess.it.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/testing-your-app.md shows the example tests of this repository: its Java blocks must be
 * their classes as they are, and its fixture the file they load, so that the page cannot drift.
 */
class TestingYourAppDocTest {

    private static final Path ROOT = Path.of(System.getProperty("firm-access.project.root"));
    private static final Pattern BLOCK = Pattern.compile("```(java|json)\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theDistributionExampleIsTheTestThatRuns() throws IOException {
        assertThat(classOf(blocks("java").get(0))).isEqualTo(classOf(Files.readString(
                ROOT.resolve("extensions/firm-access-it/src/test/java/dev/firmaccess/it/kit/InvoiceAppIT.java"))));
    }

    @Test
    void theContainerExampleIsTheTestOfTheContainerKit() throws IOException {
        assertThat(classOf(blocks("java").get(1))).isEqualTo(classOf(Files.readString(ROOT.resolve(
                "extensions/firm-access-testcontainers/src/test/java/dev/firmaccess/testcontainers/InvoiceAppContainerTest.java"))));
    }

    @Test
    void theFixtureShownIsTheFileBothExamplesLoad() throws IOException {
        String shown = blocks("json").get(0);
        assertThat(Files.readString(ROOT.resolve("extensions/firm-access-it/src/test/resources/fixtures/ledger-firm.json")))
                .isEqualTo(shown);
        assertThat(Files.readString(ROOT.resolve(
                "extensions/firm-access-testcontainers/src/test/resources/fixtures/ledger-firm.json"))).isEqualTo(shown);
    }

    /** The class declaration to the end: the page leaves out the package line and the class comment. */
    private static String classOf(String source) {
        int start = source.indexOf("\nclass ");
        assertThat(start).as("a top-level class in:%n%s", source).isNotNegative();
        return source.substring(start + 1);
    }

    private static List<String> blocks(String language) throws IOException {
        Matcher matcher = BLOCK.matcher(Files.readString(ROOT.resolve("docs/testing-your-app.md")));
        List<String> blocks = new ArrayList<>();
        while (matcher.find()) {
            if (matcher.group(1).equals(language)) {
                blocks.add(matcher.group(2));
            }
        }
        return blocks;
    }
}
