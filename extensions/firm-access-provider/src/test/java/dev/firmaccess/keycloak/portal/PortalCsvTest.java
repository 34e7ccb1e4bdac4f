package dev.firmaccess.keycloak.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firmaccess.keycloak.web.Limits;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PortalCsvTest {

    private static final Limits LIMITS = Limits.defaultLimits();

    @Nested
    class Reading {
        @Test
        void rowsAreReadByHeaderNameInAnyOrderAndNumberedAsASpreadsheetShowsThem() {
            List<PortalCsv.Row> rows = PortalCsv.read("Email,business,role\r\nann@x.test,B-1,guest\r\n\r\n"
                    + "\"bob@x.test\",\"B, 2\",owner\r\n", LIMITS);

            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).number()).isEqualTo(2);
            assertThat(rows.get(0).get(PortalCsv.EMAIL)).isEqualTo("ann@x.test");
            assertThat(rows.get(1).number()).isEqualTo(4);
            assertThat(rows.get(1).get(PortalCsv.BUSINESS)).isEqualTo("B, 2");
            assertThat(rows.get(1).get(PortalCsv.FIRST_NAME)).isNull();
        }

        @Test
        void quotedCellsKeepQuotesLineBreaksAndBackslashes() {
            List<PortalCsv.Row> rows = PortalCsv.read("business,email,role,message\n"
                    + "b,ann@x.test,guest,\"Say \"\"hi\"\"\nto C:\\temp\"\n", LIMITS);

            assertThat(rows.get(0).get(PortalCsv.MESSAGE)).isEqualTo("Say \"hi\"\nto C:\\temp");
        }

        @Test
        void aCrlfInsideAQuotedCellReadsAsALineFeed() {
            List<PortalCsv.Row> rows = PortalCsv.read("business,email,role,message\r\n"
                    + "b,ann@x.test,guest,\"one\r\ntwo\"\r\nb,bob@x.test,guest,three\r\n", LIMITS);

            assertThat(rows.get(0).get(PortalCsv.MESSAGE)).isEqualTo("one\ntwo");
            assertThat(rows.get(1).get(PortalCsv.MESSAGE)).isEqualTo("three");
            assertThat(rows.get(1).number()).isEqualTo(3);
        }

        @Test
        void aByteOrderMarkBeforeTheHeaderIsIgnored() {
            assertThat(PortalCsv.read("\uFEFFbusiness,email,role\nb,a@x.test,guest\n", LIMITS)).hasSize(1);
        }

        @Test
        void unknownOrMissingColumnsAreRefused() {
            assertThatThrownBy(() -> PortalCsv.read("business,email,role,phone\nb,a@x.test,guest,1\n", LIMITS))
                    .isInstanceOf(PortalCsv.Unreadable.class).hasMessageContaining("Unknown column 'phone'");
            assertThatThrownBy(() -> PortalCsv.read("business,email\nb,a@x.test\n", LIMITS))
                    .isInstanceOf(PortalCsv.Unreadable.class).hasMessageContaining("role");
            assertThatThrownBy(() -> PortalCsv.read("business,email,role,email\nb,a,guest,a\n", LIMITS))
                    .hasMessageContaining("twice");
        }

        @Test
        void aRowWithMoreCellsThanTheHeaderIsRefused() {
            assertThatThrownBy(() -> PortalCsv.read("business,email,role\nb,a@x.test,guest,extra\n", LIMITS))
                    .isInstanceOf(PortalCsv.Unreadable.class).hasMessageContaining("Row 2");
        }

        @Test
        void emptyUploadsAndHeaderOnlyUploadsAreRefused() {
            assertThatThrownBy(() -> PortalCsv.read("  ", LIMITS)).isInstanceOf(PortalCsv.Unreadable.class);
            assertThatThrownBy(() -> PortalCsv.read("business,email,role\n", LIMITS))
                    .hasMessageContaining("no rows");
        }

        @Test
        void tooManyRowsOrCharactersAreTooLarge() {
            StringBuilder many = new StringBuilder("business,email,role\n");
            for (int i = 0; i <= LIMITS.csvRows(); i++) {
                many.append("b,a").append(i).append("@x.test,guest\n");
            }
            assertThatThrownBy(() -> PortalCsv.read(many.toString(), LIMITS))
                    .isInstanceOfSatisfying(PortalCsv.Unreadable.class, e -> assertThat(e.tooLarge()).isTrue());
            assertThatThrownBy(() -> PortalCsv.read("business,email,role\n" + "x".repeat(LIMITS.csvChars()), LIMITS))
                    .isInstanceOfSatisfying(PortalCsv.Unreadable.class, e -> assertThat(e.tooLarge()).isTrue());
        }

        @Test
        void sendCellsAreTrueFalseOrEmpty() {
            assertThat(PortalCsv.bool(null)).isNull();
            assertThat(PortalCsv.bool("TRUE")).isTrue();
            assertThat(PortalCsv.bool("no")).isFalse();
            assertThatThrownBy(() -> PortalCsv.bool("maybe")).hasMessageContaining("'send'");
        }
    }

    @Nested
    class Writing {
        @Test
        void cellsThatASpreadsheetWouldRunAsFormulasGetALeadingQuote() {
            assertThat(PortalCsv.neutralised("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
            assertThat(PortalCsv.neutralised("+1")).isEqualTo("'+1");
            assertThat(PortalCsv.neutralised("-2")).isEqualTo("'-2");
            assertThat(PortalCsv.neutralised("@SUM(A1)")).isEqualTo("'@SUM(A1)");
            assertThat(PortalCsv.neutralised("\tx")).isEqualTo("'\tx");
            assertThat(PortalCsv.neutralised("\rx")).isEqualTo("'\rx");
            assertThat(PortalCsv.neutralised("Ann = Bob")).isEqualTo("Ann = Bob");
            assertThat(PortalCsv.neutralised(null)).isEmpty();
        }

        @Test
        void linesAreRfc4180QuotedOnlyWhereNeededAndReadBackUnchanged() {
            StringWriter out = new StringWriter();
            PortalCsv.Lines lines = PortalCsv.writer(out);
            lines.line(List.of("business", "email", "role", "message"));
            lines.line(List.of("Smith, Jones", "a@x.test", "guest", "He said \"hi\"\nthen left"));
            lines.flush();

            assertThat(out.toString()).isEqualTo("business,email,role,message\r\n"
                    + "\"Smith, Jones\",a@x.test,guest,\"He said \"\"hi\"\"\nthen left\"\r\n");
            PortalCsv.Row row = PortalCsv.read(out.toString(), LIMITS).get(0);
            assertThat(row.get(PortalCsv.BUSINESS)).isEqualTo("Smith, Jones");
            assertThat(row.get(PortalCsv.MESSAGE)).isEqualTo("He said \"hi\"\nthen left");
        }

        @Test
        void theExportHeaderNamesItsColumns() {
            assertThat(PortalExport.HEADER).containsExactly("business", "business id", "email", "first name",
                    "last name", "role", "status", "activated at", "last login", "assigned staff");
        }
    }
}
