package io.edihub.intake;

import io.edihub.order.InputError;
import io.edihub.order.OrderChange;
import io.edihub.order.OrderChange.LineChange;
import io.edihub.order.OrderLine;
import io.edihub.order.OrderMessage;
import io.edihub.order.PurchaseOrder;
import io.edihub.order.PurchaseOrder.Purpose;
import io.edihub.order.ScheduleLine;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a customer's CSV purchase order into a canonical order message, or says precisely what is wrong
 * with it, by row and column.
 *
 * <p>The layout: a header row naming the columns (any order; case, spaces and hyphens in names do not
 * matter), then one row per schedule line. The order's own fields ({@code po_number}, {@code order_date},
 * {@code currency}, ...) are repeated on every row, a line's fields ({@code description}, {@code unit},
 * {@code unit_price}, ...) on every row of the line; a blank cell there means "as on the other rows", a
 * different value is an error. A line's quantity is the sum of its rows. One file holds one order.
 * UTF-8 with or without a byte order mark, CRLF or LF, fields quoted with {@code "} (doubled inside), a
 * comma, semicolon or tab delimiter detected from the header row. Thread-safe.
 */
public final class CsvOrderReader extends SizeLimitedReader {

    /** The columns a CSV order may have, by their normalised header names. */
    enum Column {
        PO_NUMBER(Scope.ORDER, Kind.TEXT, true),
        PURPOSE(Scope.ORDER, Kind.PURPOSE, false),
        REVISION(Scope.ORDER, Kind.TEXT, false),
        ORDER_TYPE(Scope.ORDER, Kind.ORDER_TYPE, false),
        ORDER_DATE(Scope.ORDER, Kind.DATE, true),
        REQUESTED_DELIVERY(Scope.ORDER, Kind.DATE, false),
        CURRENCY(Scope.ORDER, Kind.CURRENCY, false),
        CONTRACT_NUMBER(Scope.ORDER, Kind.TEXT, false),
        RELEASE_NUMBER(Scope.ORDER, Kind.TEXT, false),
        SHIP_TO_ID(Scope.ORDER, Kind.TEXT, false),
        SHIP_TO_ID_QUALIFIER(Scope.ORDER, Kind.TEXT, false),
        SHIP_TO_NAME(Scope.ORDER, Kind.TEXT, false),
        SHIP_TO_ADDRESS_1(Scope.ORDER, Kind.TEXT, false),
        SHIP_TO_ADDRESS_2(Scope.ORDER, Kind.TEXT, false),
        SHIP_TO_CITY(Scope.ORDER, Kind.TEXT, false),
        SHIP_TO_STATE(Scope.ORDER, Kind.TEXT, false),
        SHIP_TO_POSTAL_CODE(Scope.ORDER, Kind.TEXT, false),
        SHIP_TO_COUNTRY(Scope.ORDER, Kind.COUNTRY, false),
        LINE(Scope.LINE, Kind.TEXT, true),
        ACTION(Scope.LINE, Kind.ACTION, false),
        BUYER_PART(Scope.LINE, Kind.TEXT, false),
        VENDOR_PART(Scope.LINE, Kind.TEXT, false),
        DESCRIPTION(Scope.LINE, Kind.TEXT, false),
        UNIT(Scope.LINE, Kind.UNIT, true),
        UNIT_PRICE(Scope.LINE, Kind.AMOUNT, false),
        QUANTITY(Scope.ROW, Kind.QUANTITY, true),
        DELIVERY_DATE(Scope.ROW, Kind.DATE, false),
        SCHEDULE_REFERENCE(Scope.ROW, Kind.TEXT, false);

        final Scope scope;
        final Kind kind;
        final boolean required;
        final String header;

        Column(Scope scope, Kind kind, boolean required) {
            this.scope = scope;
            this.kind = kind;
            this.required = required;
            this.header = name().toLowerCase(Locale.ROOT);
        }

        static Column byHeader(String normalised) {
            for (Column c : values()) {
                if (c.header.equals(normalised)) {
                    return c;
                }
            }
            return null;
        }
    }

    /** Whose value a column holds: the order's (same on every row), a line's (same on its rows), a row's. */
    enum Scope {
        ORDER, LINE, ROW
    }

    enum Kind {
        TEXT, DATE, QUANTITY, AMOUNT, UNIT, CURRENCY, ORDER_TYPE, PURPOSE, ACTION, COUNTRY
    }

    private static final int MAX_TEXT = 256;
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,15}(\\.[0-9]{1,6})?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("-?[0-9]+,[0-9]+");
    private static final Pattern DATE_SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern CSV_LINE = Pattern.compile("at line: (\\d+)|\\(startline (\\d+)\\)|\\(line (\\d+)\\)");

    /**
     * @param maxBytes the largest document read; a larger one is refused before it is parsed
     */
    public CsvOrderReader(long maxBytes) {
        super(maxBytes);
    }

    @Override
    public OrderDocument read(String partnerId, String fileName, byte[] content) {
        if (content.length > maxBytes()) {
            return OrderDocument.refused(OrderFormat.CSV, List.of(OrderDocument.tooLarge(maxBytes())));
        }
        String text;
        try {
            text = utf8(content);
        } catch (NotCsv e) {
            return OrderDocument.refused(OrderFormat.CSV, List.of(e.error));
        }
        OrderDocument.Errors errors = new OrderDocument.Errors();
        OrderMessage message;
        try {
            message = new Rows(partnerId, fileName, errors).read(text);
        } catch (NotCsv e) {
            errors.add(e.error);
            message = null;
        }
        if (!errors.isEmpty() || message == null) {
            return OrderDocument.refused(OrderFormat.CSV, errors.list());
        }
        return new OrderDocument(OrderFormat.CSV, List.of(message), List.of());
    }

    /** True when a first line reads as the header of a CSV order: it names a {@code po_number} column. */
    static boolean isOrderHeader(String firstLine) {
        try (CSVParser parser = CSVParser.parse(firstLine, format(delimiter(firstLine)))) {
            for (CSVRecord header : parser) {
                return header.stream().map(CsvOrderReader::normalise).anyMatch(Column.PO_NUMBER.header::equals);
            }
            return false;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** A header name as the reader compares it: {@code " Unit Price"} and {@code unit-price} are {@code unit_price}. */
    static String normalise(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\-]+", "_");
    }

    private static CSVFormat format(char delimiter) {
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

    /** The text of a UTF-8 document without its byte order mark; an error names the first bad byte. */
    private static String utf8(byte[] content) throws NotCsv {
        int start = OrderFormat.hasUtf8Bom(content) ? 3 : 0;
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
            throw new NotCsv("line " + lineNumber, "NOT_UTF8", String.format(
                    "byte %d (0x%02X) is not UTF-8 text: save the file as UTF-8 (in Excel: CSV UTF-8)",
                    in.position() + 1, content[in.position()] & 0xFF));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static final class NotCsv extends Exception {

        private static final long serialVersionUID = 1L;
        final transient InputError error;

        NotCsv(String location, String code, String message) {
            super(message, null, false, false);
            this.error = new InputError(location, code, message);
        }
    }

    /** A value stated on some row: for comparing with the same field on other rows. */
    private record Stated(String text, long row) {
    }

    /** One row's schedule line as read. */
    private record RowValue(long row, BigDecimal quantity, LocalDate deliveryDate, String reference) {
    }

    /** Everything read for one line. */
    private static final class LineRows {

        final String number;
        final long firstRow;
        final Map<Column, Stated> fields = new EnumMap<>(Column.class);
        final List<RowValue> rows = new ArrayList<>();

        LineRows(String number, long firstRow) {
            this.number = number;
            this.firstRow = firstRow;
        }
    }

    /** Reading the rows of one document. */
    private static final class Rows {

        private final String partnerId;
        private final String fileName;
        private final OrderDocument.Errors errors;
        private final Map<Column, Integer> columns = new EnumMap<>(Column.class);
        private int width;
        private long headerRow;
        private boolean listed;
        private Stated poNumber;
        private final Map<Column, Stated> orderFields = new EnumMap<>(Column.class);
        private final Map<String, LineRows> lines = new LinkedHashMap<>();

        Rows(String partnerId, String fileName, OrderDocument.Errors errors) {
            this.partnerId = partnerId;
            this.fileName = fileName;
            this.errors = errors;
        }

        OrderMessage read(String text) throws NotCsv {
            boolean header = true;
            int dataRows = 0;
            try (CSVParser parser = CSVParser.parse(text, format(delimiter(text)))) {
                for (CSVRecord record : parser) {
                    if (isBlank(record)) {
                        continue;
                    }
                    if (header) {
                        header = false;
                        if (!header(record)) {
                            return null;
                        }
                        continue;
                    }
                    dataRows++;
                    row(record);
                }
            } catch (UncheckedIOException | IOException e) {
                throw notCsv(e);
            }
            if (header) {
                throw new NotCsv("row 1", "EMPTY", "the file is empty: a header row naming the columns is expected,"
                        + " then one row per schedule line");
            }
            if (dataRows == 0) {
                throw new NotCsv("row " + (headerRow + 1), "EMPTY", "there are no order rows after the header row");
            }
            return errors.isEmpty() ? order() : null;
        }

        private static boolean isBlank(CSVRecord record) {
            return record.stream().allMatch(v -> v == null || v.isBlank());
        }

        private static NotCsv notCsv(Exception e) {
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
            return new NotCsv(location, "BAD_CSV", plain);
        }

        /** Reads the header row; false when the columns make reading the rows pointless. */
        private boolean header(CSVRecord record) {
            width = record.size();
            headerRow = record.getRecordNumber();
            for (int i = 0; i < record.size(); i++) {
                String name = normalise(record.get(i));
                Column column = Column.byHeader(name);
                if (name.isEmpty()) {
                    errors.add(new InputError("row " + headerRow + ", column " + (i + 1), "UNKNOWN_COLUMN",
                            "column " + (i + 1) + " has no name: every column needs a header"));
                } else if (column == null) {
                    errors.add(new InputError("row " + headerRow + ", column " + name, "UNKNOWN_COLUMN", "unknown column '" + name + "'"
                            + suggestion(name)));
                } else if (columns.putIfAbsent(column, i) != null) {
                    errors.add(new InputError("row " + headerRow + ", column " + name, "DUPLICATE_COLUMN",
                            "column " + name + " appears twice"));
                }
            }
            for (Column column : Column.values()) {
                if (column.required && !columns.containsKey(column)) {
                    errors.add(new InputError("row " + headerRow, "MISSING_COLUMN", "required column " + column.header + " is missing"));
                }
            }
            return errors.isEmpty();
        }

        /** A likely meant column, else (once per file) the list of columns there are. */
        private String suggestion(String name) {
            List<String> known = Arrays.stream(Column.values()).map(c -> c.header).toList();
            String closest = OrderDocument.closest(name, known);
            if (closest != null) {
                return " (did you mean " + closest + "?)";
            }
            if (listed) {
                return "";
            }
            listed = true;
            return "; the columns are: " + String.join(", ", known);
        }

        private void row(CSVRecord record) {
            long row = record.getRecordNumber();
            if (record.size() != width) {
                errors.add(new InputError("row " + row, "BAD_ROW", record.size() + " values but the header row names "
                        + width + " columns" + (record.size() > width ? " (a value with the delimiter in it must be quoted)" : "")));
                return;
            }
            String po = value(record, Column.PO_NUMBER);
            if (po.isEmpty()) {
                errors.add(new InputError(at(row, Column.PO_NUMBER), "MISSING_VALUE", "po_number is empty: every row names its order"));
            } else if (poNumber == null) {
                poNumber = new Stated(po, row);
                check(Column.PO_NUMBER, po, row);
            } else if (!poNumber.text.equals(po)) {
                errors.add(new InputError("row " + row, "MIXED_PO", "PO " + po + " differs from " + poNumber.text + " on row "
                        + poNumber.row + "; one CSV file holds one order"));
            }
            for (Column column : columns.keySet()) {
                if (column.scope == Scope.ORDER && column != Column.PO_NUMBER) {
                    agree(orderFields, column, value(record, column), row, "the order has one " + column.header
                            + " on all rows");
                }
            }
            String number = value(record, Column.LINE);
            if (number.isEmpty()) {
                errors.add(new InputError(at(row, Column.LINE), "MISSING_VALUE", "line is empty: every row names its line"));
                return;
            }
            if (check(Column.LINE, number, row) == null) {
                return;
            }
            LineRows line = lines.computeIfAbsent(number, n -> new LineRows(n, row));
            for (Column column : columns.keySet()) {
                if (column.scope == Scope.LINE && column != Column.LINE) {
                    agree(line.fields, column, value(record, column), row, "line " + number + " has one " + column.header
                            + " on all its rows");
                }
            }
            String quantityText = value(record, Column.QUANTITY);
            BigDecimal quantity = null;
            if (!quantityText.isEmpty()) {
                quantity = (BigDecimal) check(Column.QUANTITY, quantityText, row);
            } else if (!isDelete(value(record, Column.ACTION), line)) {
                errors.add(new InputError(at(row, Column.QUANTITY), "MISSING_VALUE", "quantity is empty: every row orders a quantity"));
            }
            String dateText = value(record, Column.DELIVERY_DATE);
            LocalDate deliveryDate = dateText.isEmpty() ? null : (LocalDate) check(Column.DELIVERY_DATE, dateText, row);
            String reference = value(record, Column.SCHEDULE_REFERENCE);
            check(Column.SCHEDULE_REFERENCE, reference, row);
            line.rows.add(new RowValue(row, quantity, deliveryDate, reference.isEmpty() ? null : reference));
        }

        private static boolean isDelete(String action, LineRows line) {
            Stated stated = line.fields.get(Column.ACTION);
            String value = !action.isEmpty() ? action : stated != null ? stated.text : "";
            return "delete".equalsIgnoreCase(value);
        }

        /** A field stated on several rows must say the same each time; a blank cell says nothing. */
        private void agree(Map<Column, Stated> fields, Column column, String value, long row, String rule) {
            if (value.isEmpty()) {
                return;
            }
            Stated first = fields.get(column);
            if (first == null) {
                if (check(column, value, row) != null) {
                    fields.put(column, new Stated(value, row));
                }
                return;
            }
            if (same(column, first.text, value)) {
                return;
            }
            Object parsed = check(column, value, row);
            if (parsed != null) {
                errors.add(new InputError(at(row, column), code(column),
                        "'" + value + "' differs from '" + first.text + "' on row " + first.row + ": " + rule));
            }
        }

        private static String code(Column column) {
            return column.scope == Scope.ORDER ? "HEADER_MISMATCH" : "LINE_MISMATCH";
        }

        private static boolean same(Column column, String a, String b) {
            if (a.equals(b)) {
                return true;
            }
            if (column.kind == Kind.AMOUNT || column.kind == Kind.QUANTITY) {
                return DECIMAL.matcher(a).matches() && DECIMAL.matcher(b).matches()
                        && new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
            }
            return column.kind == Kind.PURPOSE || column.kind == Kind.ACTION ? a.equalsIgnoreCase(b) : false;
        }

        /** The value of a column as the hub uses it, or null (and an error) when it is not one. */
        private Object check(Column column, String value, long row) {
            String at = at(row, column);
            switch (column.kind) {
                case TEXT -> {
                    if (value.length() > MAX_TEXT) {
                        errors.add(new InputError(at, "TOO_LONG", "longer than " + MAX_TEXT + " characters"));
                        return null;
                    }
                    return value;
                }
                case DATE -> {
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
                case QUANTITY, AMOUNT -> {
                    if (!DECIMAL.matcher(value).matches()) {
                        String hint = DECIMAL_COMMA.matcher(value).matches() ? " (write the decimal separator as a point)"
                                : value.startsWith("-") ? " (a negative number is not allowed)" : "";
                        errors.add(new InputError(at, "BAD_NUMBER", "'" + value + "' is not a number" + hint));
                        return null;
                    }
                    BigDecimal number = new BigDecimal(value);
                    if (column.kind == Kind.QUANTITY && number.signum() == 0) {
                        errors.add(new InputError(at, "BAD_NUMBER", "quantity must be greater than zero"));
                        return null;
                    }
                    return number;
                }
                case UNIT -> {
                    return pattern(value, "[A-Z0-9]{2,3}", at,
                            "is not a unit of measure code (2 or 3 capital letters or digits, such as EA or C62)");
                }
                case CURRENCY -> {
                    return pattern(value, "[A-Z]{3}", at, "is not an ISO 4217 currency code such as USD");
                }
                case ORDER_TYPE -> {
                    return pattern(value, "[A-Z]{2}", at, "is not a two-letter X12 order type such as SA, BK or RL");
                }
                case COUNTRY -> {
                    return pattern(value, "[A-Z]{2}", at, "is not a two-letter ISO 3166 country code such as US");
                }
                case PURPOSE -> {
                    return pattern(value.toLowerCase(Locale.ROOT), "original|change|replace|cancel", at,
                            "is not a purpose (original, change, replace or cancel)");
                }
                case ACTION -> {
                    return pattern(value.toLowerCase(Locale.ROOT), "set|delete", at, "is not a line action (set or delete)");
                }
                default -> throw new IllegalStateException(column.kind.name());
            }
        }

        private String pattern(String value, String regex, String at, String message) {
            if (value.matches(regex)) {
                return value;
            }
            errors.add(new InputError(at, "BAD_VALUE", "'" + value + "' " + message));
            return null;
        }

        private String value(CSVRecord record, Column column) {
            Integer index = columns.get(column);
            return index == null ? "" : record.get(index).strip();
        }

        private static String at(long row, Column column) {
            return "row " + row + ", column " + column.header;
        }

        private String orderField(Column column) {
            Stated stated = orderFields.get(column);
            return stated == null ? null : stated.text;
        }

        private OrderMessage order() {
            String purposeText = orderField(Column.PURPOSE);
            Purpose purpose = purposeText == null ? Purpose.ORIGINAL : Purpose.fromName(purposeText);
            String orderDateText = orderField(Column.ORDER_DATE);
            if (orderDateText == null) {
                errors.add(new InputError("column order_date", "MISSING_VALUE", "order_date is empty on every row"));
                return null;
            }
            LocalDate orderDate = LocalDate.parse(orderDateText, DATE);
            String requested = orderField(Column.REQUESTED_DELIVERY);
            LocalDate requestedDelivery = requested == null ? null : LocalDate.parse(requested, DATE);
            LocalDate defaultDate = requestedDelivery != null ? requestedDelivery : orderDate;
            if ("RL".equals(orderField(Column.ORDER_TYPE)) && orderField(Column.RELEASE_NUMBER) == null) {
                errors.add(new InputError(at(orderFields.get(Column.ORDER_TYPE).row, Column.RELEASE_NUMBER),
                        "RELEASE_NUMBER_MISSING", "release_number is required when order_type is RL:"
                                + " a release against a blanket order names its release"));
            }
            PurchaseOrder.SourceDocument source = new PurchaseOrder.SourceDocument("CSV", fileName, null, null, null, null);

            List<OrderLine> orderLines = new ArrayList<>();
            List<LineChange> changes = new ArrayList<>();
            for (LineRows line : lines.values()) {
                String unit = text(line, Column.UNIT);
                String actionText = text(line, Column.ACTION);
                boolean delete = "delete".equalsIgnoreCase(actionText);
                if (actionText != null && purpose != Purpose.CHANGE) {
                    errors.add(new InputError(at(line.fields.get(Column.ACTION).row, Column.ACTION), "ACTION_NOT_ALLOWED",
                            "a line action is only for purpose change; this order's purpose is "
                                    + purpose.name().toLowerCase(Locale.ROOT)));
                    continue;
                }
                if (delete) {
                    for (RowValue r : line.rows) {
                        if (r.quantity != null) {
                            errors.add(new InputError(at(r.row, Column.QUANTITY), "DELETED_LINE_WITH_VALUES",
                                    "line " + line.number + " is deleted: its rows carry no quantity"));
                        }
                    }
                    changes.add(new LineChange(line.number, OrderChange.Action.DELETE, null, null, null, null,
                            text(line, Column.BUYER_PART), text(line, Column.VENDOR_PART), text(line, Column.DESCRIPTION),
                            List.of()));
                    continue;
                }
                if (unit == null) {
                    errors.add(new InputError(at(line.firstRow, Column.UNIT), "MISSING_VALUE",
                            "line " + line.number + " has no unit of measure on any of its rows"));
                    continue;
                }
                BigDecimal quantity = BigDecimal.ZERO;
                List<ScheduleLine> schedule = new ArrayList<>();
                for (RowValue r : line.rows) {
                    if (r.quantity == null) {
                        continue;
                    }
                    quantity = quantity.add(r.quantity);
                    schedule.add(new ScheduleLine(r.quantity, unit, r.deliveryDate != null ? r.deliveryDate : defaultDate,
                            r.reference));
                }
                String priceText = text(line, Column.UNIT_PRICE);
                BigDecimal unitPrice = priceText == null ? null : new BigDecimal(priceText);
                if (purpose == Purpose.CHANGE) {
                    changes.add(new LineChange(line.number, OrderChange.Action.SET, null, quantity, unit, unitPrice,
                            text(line, Column.BUYER_PART), text(line, Column.VENDOR_PART), text(line, Column.DESCRIPTION),
                            schedule));
                } else {
                    orderLines.add(new OrderLine(line.number, text(line, Column.BUYER_PART), text(line, Column.VENDOR_PART),
                            Map.of(), text(line, Column.DESCRIPTION), quantity, unit, unitPrice, schedule));
                }
            }
            if (!errors.isEmpty()) {
                return null;
            }
            String releaseNumber = orderField(Column.RELEASE_NUMBER);
            String revision = orderField(Column.REVISION);
            if (purpose == Purpose.CHANGE) {
                return new OrderChange(partnerId, poNumber.text, releaseNumber, purpose, revision, orderDate, changes, source);
            }
            String currency = orderField(Column.CURRENCY);
            return new PurchaseOrder(partnerId, poNumber.text, releaseNumber, purpose, revision, orderField(Column.ORDER_TYPE),
                    orderDate, requestedDelivery, currency == null ? "USD" : currency, orderField(Column.CONTRACT_NUMBER),
                    List.of(), List.of(), shipTo(), List.of(), orderLines, null, source);
        }

        private List<PurchaseOrder.Party> shipTo() {
            boolean any = orderFields.keySet().stream().anyMatch(c -> c.header.startsWith("ship_to_"));
            if (!any) {
                return List.of();
            }
            List<String> address = new ArrayList<>();
            for (Column c : List.of(Column.SHIP_TO_ADDRESS_1, Column.SHIP_TO_ADDRESS_2)) {
                if (orderField(c) != null) {
                    address.add(orderField(c));
                }
            }
            return List.of(new PurchaseOrder.Party("ST", orderField(Column.SHIP_TO_NAME), orderField(Column.SHIP_TO_ID_QUALIFIER),
                    orderField(Column.SHIP_TO_ID), address, orderField(Column.SHIP_TO_CITY), orderField(Column.SHIP_TO_STATE),
                    orderField(Column.SHIP_TO_POSTAL_CODE), orderField(Column.SHIP_TO_COUNTRY)));
        }

        private static String text(LineRows line, Column column) {
            Stated stated = line.fields.get(column);
            return stated == null ? null : stated.text;
        }
    }
}
