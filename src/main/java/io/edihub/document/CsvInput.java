package io.edihub.document;

import io.edihub.canonical.InputError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV as customers save it from a spreadsheet: UTF-8 with or without a byte order mark, CRLF or LF, fields
 * quoted with {@code "} (doubled inside), a comma, semicolon or tab delimiter taken from the header row,
 * blank lines skipped. A header row names the columns (any order; case, spaces and hyphens do not matter),
 * and every error names its row as a spreadsheet numbers it, and its column by name.
 */
final class CsvInput {

    /** Dates as CSV documents write them; 2027-02-30 is not one. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    // a sign is read so that a reader can say why a negative number is refused in its own terms
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,15}(\\.[0-9]{1,6})?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("-?[0-9]+,[0-9]+");
    private static final Pattern DATE_SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern CSV_LINE = Pattern.compile("at line: (\\d+)|\\(startline (\\d+)\\)|\\(line (\\d+)\\)");

    private CsvInput() {
    }

    /**
     * The columns of one kind of CSV document.
     *
     * @param columns  every column there may be, by normalised name, in the order they are explained
     * @param required the columns a header must name
     * @param rowsAre  what the rows after the header are, for the sender ({@code "one row per schedule line"})
     * @param rowName  what a data row is called ({@code "order rows"})
     */
    public record Layout(List<String> columns, Set<String> required, String rowsAre, String rowName) {

        public Layout {
            columns = List.copyOf(columns);
            required = Set.copyOf(required);
            if (!columns.containsAll(required)) {
                throw new IllegalArgumentException("a required column that is not a column: " + required);
            }
        }
    }

    /**
     * Reads a document: its header first, then every data row that has as many values as the header has
     * columns is handed to {@code rows}. Problems with the document as CSV (not UTF-8, broken quoting, no
     * header, no rows, a row of the wrong width) are added to {@code errors}.
     *
     * @return true when the header was read without error and every row was handed over
     */
    public static boolean read(byte[] content, Layout layout, InputErrors errors, BiConsumer<CsvHeader, CSVRecord> rows) {
        String text = utf8(content, errors);
        if (text == null) {
            return false;
        }
        CsvHeader header = null;
        int dataRows = 0;
        try (CSVParser parser = CSVParser.parse(text, format(delimiter(text)))) {
            for (CSVRecord record : parser) {
                if (isBlank(record)) {
                    continue;
                }
                if (header == null) {
                    header = CsvHeader.read(record, layout, errors);
                    if (header == null) {
                        return false;
                    }
                    continue;
                }
                dataRows++;
                if (record.size() != header.width()) {
                    errors.add(new InputError("row " + record.getRecordNumber(), "BAD_ROW", record.size()
                            + " values but the header row names " + header.width() + " columns"
                            + (record.size() > header.width() ? " (a value with the delimiter in it must be quoted)" : "")));
                    continue;
                }
                rows.accept(header, record);
            }
        } catch (UncheckedIOException | IOException e) {
            errors.add(badCsv(e));
            return false;
        }
        if (header == null) {
            errors.add(new InputError("row 1", "EMPTY", "the file is empty: a header row naming the columns is expected,"
                    + " then " + layout.rowsAre()));
            return false;
        }
        if (dataRows == 0) {
            errors.add(new InputError("row " + (header.row() + 1), "EMPTY", "there are no " + layout.rowName()
                    + " after the header row"));
            return false;
        }
        return true;
    }

    /** The normalised column names of a first line read as a header; empty when it is not CSV. */
    public static List<String> headerNames(String firstLine) {
        try (CSVParser parser = CSVParser.parse(firstLine, format(delimiter(firstLine)))) {
            for (CSVRecord header : parser) {
                return header.stream().map(CsvInput::normalise).toList();
            }
            return List.of();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** A header name as the readers compare it: {@code " Unit Price"} and {@code unit-price} are {@code unit_price}. */
    public static String normalise(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\-]+", "_");
    }

    /** Where a value is: {@code row 7, column unit_price}. */
    public static String at(long row, String column) {
        return "row " + row + ", column " + column;
    }

    // --- values ----------------------------------------------------------------------------------------

    /** The value, or null (and an error) when it is longer than {@code max} characters. */
    public static String text(String value, int max, String at, InputErrors errors) {
        if (value.length() > max) {
            errors.add(new InputError(at, "TOO_LONG", "longer than " + max + " characters"));
            return null;
        }
        return value;
    }

    /** The date a value writes as YYYY-MM-DD, or null (and an error). */
    public static LocalDate date(String value, String at, InputErrors errors) {
        if (DATE_SHAPE.matcher(value).matches()) {
            try {
                return LocalDate.parse(value, DATE);
            } catch (DateTimeParseException e) {
                // a date of the right shape that does not exist: 2027-02-30
            }
        }
        errors.add(new InputError(at, "BAD_DATE", "'" + value + "' is not a date (expected YYYY-MM-DD)"));
        return null;
    }

    /**
     * The number a value writes (digits, an optional point, at most 15 digits before and 6 after it, an
     * optional minus sign), or null (and an error). Whether a negative number is allowed is the caller's
     * rule.
     */
    public static BigDecimal decimal(String value, String at, InputErrors errors) {
        if (!DECIMAL.matcher(value).matches()) {
            String hint = DECIMAL_COMMA.matcher(value).matches() ? " (write the decimal separator as a point)" : "";
            errors.add(new InputError(at, "BAD_NUMBER", "'" + value + "' is not a number" + hint));
            return null;
        }
        return new BigDecimal(value);
    }

    /** True when the value is a number as {@link #decimal} reads it. */
    public static boolean isNumber(String value) {
        return DECIMAL.matcher(value).matches();
    }

    /** The value when it matches {@code regex}, else null (and an error: the value and then {@code message}). */
    public static String matching(String value, String regex, String at, String message, InputErrors errors) {
        if (value.matches(regex)) {
            return value;
        }
        errors.add(new InputError(at, "BAD_VALUE", "'" + value + "' " + message));
        return null;
    }

    // --- the document as CSV ---------------------------------------------------------------------------

    static CSVFormat format(char delimiter) {
        return CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                // blank lines are skipped here, so that row numbers stay the line numbers a spreadsheet shows
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true)
                .get();
    }

    /** The delimiter the header row uses most, outside quotes: comma, semicolon or tab. */
    static char delimiter(String text) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas && tabs > semicolons ? '\t' : ',';
    }

    /** True when the content starts with a UTF-8 byte order mark (Excel's "CSV UTF-8" writes one). */
    public static boolean hasUtf8Bom(byte[] content) {
        return content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF;
    }

    /** The text of a UTF-8 document without its byte order mark, or null (and an error naming the first bad byte). */
    private static String utf8(byte[] content, InputErrors errors) {
        int start = hasUtf8Bom(content) ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content, start, content.length - start);
        CharBuffer out = CharBuffer.allocate(content.length - start);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int lineNumber = 1;
            for (int i = 0; i < out.position(); i++) {
                if (out.get(i) == '\n') {
                    lineNumber++;
                }
            }
            errors.add(new InputError("line " + lineNumber, "NOT_UTF8", String.format(
                    "byte %d (0x%02X) is not UTF-8 text: save the file as UTF-8 (in Excel: CSV UTF-8)",
                    in.position() + 1, content[in.position()] & 0xFF)));
            return null;
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static boolean isBlank(CSVRecord record) {
        return record.stream().allMatch(v -> v == null || v.isBlank());
    }

    private static InputError badCsv(Exception e) {
        String message = String.valueOf(e instanceof UncheckedIOException u && u.getCause() != null
                ? u.getCause().getMessage() : e.getMessage());
        Matcher line = CSV_LINE.matcher(message);
        String location = "line ?";
        if (line.find()) {
            location = "line " + Objects.requireNonNullElse(line.group(1),
                    Objects.requireNonNullElse(line.group(2), line.group(3)));
        }
        String plain;
        if (message.contains("EOF reached before encapsulated token finished")) {
            plain = "a quoted value opened here is never closed: a \" is missing (a \" inside a quoted value is written \"\")";
        } else if (message.contains("Invalid character between encapsulated token and delimiter")) {
            plain = "a quoted value is followed by other characters before the next delimiter"
                    + " (a \" inside a quoted value is written \"\")";
        } else {
            plain = "not readable as CSV: " + message;
        }
        return new InputError(location, "BAD_CSV", plain);
    }
}
