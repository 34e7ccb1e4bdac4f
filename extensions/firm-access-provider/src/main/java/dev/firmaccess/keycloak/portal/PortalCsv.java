package dev.firmaccess.keycloak.portal;

import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.CSVWriter;
import com.opencsv.ICSVParser;
import com.opencsv.ICSVWriter;
import com.opencsv.exceptions.CsvValidationException;
import dev.firmaccess.keycloak.web.Limits;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The CSV of portal imports and exports, through the opencsv that Keycloak ships: reading an
 * upload into rows by header name, and writing RFC 4180 lines whose cells a spreadsheet app will
 * not run as formulas. Pure, so it is unit-tested alone.
 */
public final class PortalCsv {

    static final String BUSINESS = "business";
    static final String EMAIL = "email";
    static final String FIRST_NAME = "firstName";
    static final String LAST_NAME = "lastName";
    static final String ROLE = "role";
    static final String LEVEL = "level";
    static final String MESSAGE = "message";
    static final String SEND = "send";
    private static final List<String> COLUMNS = List.of(BUSINESS, EMAIL, FIRST_NAME, LAST_NAME, ROLE, LEVEL,
            MESSAGE, SEND);
    private static final List<String> REQUIRED = List.of(BUSINESS, EMAIL, ROLE);
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private PortalCsv() {
    }

    /** One data row of an upload, by column name; {@code number} counts lines as a spreadsheet does (header = 1). */
    public record Row(int number, Map<String, String> cells) {

        /** The trimmed cell, or null when the column is missing or the cell blank. */
        public String get(String column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** A problem with one row of an upload. */
    public record RowError(int row, String message) {
    }

    /** An upload that cannot be read at all: no header, unknown columns, too many rows, broken quoting. */
    public static final class Unreadable extends RuntimeException {

        private final boolean tooLarge;

        Unreadable(String message, boolean tooLarge) {
            super(message, null, false, false);
            this.tooLarge = tooLarge;
        }

        public boolean tooLarge() {
            return tooLarge;
        }
    }

    /**
     * The data rows of an upload. The header names the columns in any order (names match
     * case-insensitively); {@code business}, {@code email} and {@code role} are required, unknown
     * columns are refused so that a typo is not silently ignored. Blank lines are skipped.
     */
    public static List<Row> read(String body, Limits limits) {
        if (body == null || body.isBlank()) {
            throw new Unreadable("A CSV body with a header row is required", false);
        }
        if (body.length() > limits.csvChars()) {
            throw new Unreadable("The upload is larger than " + limits.csvChars() + " characters", true);
        }
        String text = body.charAt(0) == '\uFEFF' ? body.substring(1) : body;
        try (CSVReader reader = new CSVReaderBuilder(new StringReader(text))
                // RFC 4180: quotes doubled, backslashes plain. Not opencsv's RFC4180Parser, which ends at a blank line.
                .withCSVParser(new CSVParserBuilder().withEscapeChar(ICSVParser.NULL_CHARACTER).build())
                // A CRLF inside a quoted cell reads as LF: opencsv 5.11.2 keeping carriage returns
                // leaves a stray closing quote on some multi-line cells.
                .withMultilineLimit(50)
                .build()) {
            List<String> header = header(reader.readNext());
            List<Row> rows = new ArrayList<>();
            String[] line;
            while ((line = reader.readNext()) != null) {
                if (blank(line)) {
                    continue;
                }
                if (rows.size() == limits.csvRows()) {
                    throw new Unreadable("At most " + limits.csvRows() + " rows per upload", true);
                }
                int number = (int) reader.getRecordsRead();
                if (line.length > header.size()) {
                    throw new Unreadable("Row " + number + " has " + line.length + " cells but the header names "
                            + header.size() + " columns", false);
                }
                Map<String, String> cells = new HashMap<>();
                for (int i = 0; i < line.length; i++) {
                    cells.put(header.get(i), line[i]);
                }
                rows.add(new Row(number, cells));
            }
            if (rows.isEmpty()) {
                throw new Unreadable("The upload has a header but no rows", false);
            }
            return rows;
        } catch (CsvValidationException | IOException broken) {
            throw new Unreadable("The upload is not valid CSV: " + broken.getMessage(), false);
        }
    }

    private static List<String> header(String[] names) {
        if (names == null || blank(names)) {
            throw new Unreadable("A CSV body with a header row is required", false);
        }
        Set<String> columns = new LinkedHashSet<>();
        for (String name : names) {
            String column = COLUMNS.stream().filter(known -> known.equalsIgnoreCase(name.strip())).findFirst()
                    .orElseThrow(() -> new Unreadable("Unknown column '" + name.strip() + "'; the columns are "
                            + String.join(",", COLUMNS), false));
            if (!columns.add(column)) {
                throw new Unreadable("Column '" + column + "' appears twice in the header", false);
            }
        }
        List<String> missing = REQUIRED.stream().filter(column -> !columns.contains(column)).toList();
        if (!missing.isEmpty()) {
            throw new Unreadable("The header lacks the column(s) " + String.join(", ", missing), false);
        }
        return List.copyOf(columns);
    }

    private static boolean blank(String[] line) {
        for (String cell : line) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** A {@code send} cell: empty for absent, else true or false. */
    static Boolean bool(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> Boolean.TRUE;
            case "false", "no", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("'send' must be true or false, not '" + value + "'");
        };
    }

    /**
     * A cell as a spreadsheet app should show it: text starting with = + - @, a tab or a carriage
     * return would be run as a formula there, so it gets a leading single quote (OWASP's advice).
     */
    public static String neutralised(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        return FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    /** A writer of RFC 4180 lines (CRLF, quotes only where needed, quotes doubled) with neutralised cells. */
    public static Lines writer(Writer out) {
        return new Lines(new CSVWriter(out, ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                ICSVWriter.DEFAULT_QUOTE_CHARACTER, ICSVWriter.RFC4180_LINE_END));
    }

    /** Writes lines of cells; every cell is neutralised. */
    public static final class Lines {

        private final CSVWriter csv;

        private Lines(CSVWriter csv) {
            this.csv = csv;
        }

        public void line(List<String> cells) {
            csv.writeNext(cells.stream().map(PortalCsv::neutralised).toArray(String[]::new), false);
        }

        public void flush() {
            try {
                csv.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
