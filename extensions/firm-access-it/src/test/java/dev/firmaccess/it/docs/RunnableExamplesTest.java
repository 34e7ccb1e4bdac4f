package dev.firmaccess.it.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How the Markdown marks runnable examples and their documented output, read without a server. */
class RunnableExamplesTest {

    private static final String DOCUMENT = """
            # Title

            <!-- runnable example -->
            ```bash
            TOKEN=$(curl -s -d a=b \\
              http://localhost:8080/token)
            # a plain comment
            curl -s http://localhost:8080/staff   # the staff
            # => [{"userId":"...","username":"mia"
            # => "role":"member"
            ```

            ```bash
            curl -s http://localhost:8080/not-marked
            ```

            ```bash
            ./run.sh
            ```

            <!-- example not run: needs a browser sign-in -->
            ```sh
            curl -s http://localhost:8080/excused
            ```
            """;

    @Test
    void readsTheCommandsWithTheirContinuationLinesAndDocumentedOutput() {
        RunnableExamples examples = RunnableExamples.parse("doc.md", DOCUMENT);

        assertThat(examples.steps()).hasSize(2);
        assertThat(examples.steps().get(0).command()).isEqualTo("TOKEN=$(curl -s -d a=b \\\n  http://localhost:8080/token)");
        assertThat(examples.steps().get(0).expected()).isEmpty();
        assertThat(examples.steps().get(1).line()).isEqualTo(8);
        assertThat(examples.steps().get(1).expected())
                .containsExactly("[{\"userId\":\"...\",\"username\":\"mia\"", "\"role\":\"member\"");
    }

    @Test
    void namesACurlBlockWithoutTheMarkerAndIgnoresOtherBlocks() {
        assertThat(RunnableExamples.parse("doc.md", DOCUMENT).unmarkedCurlBlocks()).containsExactly("doc.md:13");
    }

    @Test
    void theOutputMustContainTheFragmentsInOrderWithEllipsisForAnyText() {
        RunnableExamples.Step staff = RunnableExamples.parse("doc.md", DOCUMENT).steps().get(1);

        assertThat(staff.matches("[{\"userId\":\"42\",\"username\":\"mia\",\"role\":\"member\"}]")).isTrue();
        assertThat(staff.matches("[{\"id\":\"42\",\"username\":\"mia\",\"role\":\"member\"}]"))
                .as("a renamed field").isFalse();
        assertThat(staff.matches("[{\"role\":\"member\",\"userId\":\"42\",\"username\":\"mia\"}]"))
                .as("the fragments out of order").isFalse();
    }

    @Test
    void refusesAMarkedBlockThatIsNotBashAndOutputWithoutACommand() {
        assertThatThrownBy(() -> RunnableExamples.parse("doc.md", "<!-- runnable example -->\n```sh\ncurl x\n```\n"))
                .hasMessageContaining("doc.md:2");
        assertThatThrownBy(() -> RunnableExamples.parse("doc.md", "<!-- runnable example -->\n```bash\n# => 1\n```\n"))
                .hasMessageContaining("without a command");
    }
}
