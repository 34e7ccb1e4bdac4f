package dev.firmaccess.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.testing.MailCatcher.ReceivedMail;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InboxPagesTest {

    private static final String SCRIPT = "<script>alert(1)</script>";

    private final InboxPages pages = new InboxPages(3025, 8025);

    @Nested
    class GivenMarkupInTheHeaders {

        private final ReceivedMail hostile = new ReceivedMail("Eve " + SCRIPT + " <eve@example.test>",
                "\"quoted\"@example.test", "Hi " + SCRIPT, "text " + SCRIPT, null, Instant.EPOCH);

        @Test
        void theListShowsThemAsText() {
            String page = pages.list(List.of(hostile));

            assertThat(page).doesNotContain(SCRIPT).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .contains("&quot;quoted&quot;@example.test");
        }

        @Test
        void theMessagePageShowsThemAndTheTextPartAsText() {
            String page = pages.message(hostile);

            assertThat(page).doesNotContain(SCRIPT).doesNotContain("<iframe")
                    .contains("<pre>text &lt;script&gt;alert(1)&lt;/script&gt;</pre>");
        }
    }

    @Nested
    class GivenAnHtmlPart {

        @Test
        void itRendersOnlyInsideASandboxedFrame() {
            ReceivedMail mail = new ReceivedMail("a@example.test", "b@example.test", "Invite", null,
                    "<p onclick=\"x()\">Join</p>" + SCRIPT, Instant.EPOCH);

            String page = pages.message(mail);

            assertThat(page).contains("<iframe sandbox srcdoc=\"&lt;p onclick=&quot;x()&quot;&gt;Join&lt;/p&gt;")
                    .doesNotContain(SCRIPT).doesNotContain("<p onclick");
        }
    }

    @Nested
    class GivenSeveralMessages {

        @Test
        void theNewestComesFirstAndKeepsItsArrivalIndex() {
            ReceivedMail first = new ReceivedMail("a@example.test", "b@example.test", "First", "1", null, Instant.EPOCH);
            ReceivedMail second = new ReceivedMail("a@example.test", "b@example.test", "Second", "2", null, Instant.EPOCH);

            String page = pages.list(List.of(first, second));

            assertThat(page.indexOf("<a href=\"/messages/1\">Second</a>"))
                    .isPositive()
                    .isLessThan(page.indexOf("<a href=\"/messages/0\">First</a>"));
        }
    }
}
