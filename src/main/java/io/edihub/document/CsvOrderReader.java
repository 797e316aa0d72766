package io.edihub.document;


import io.edihub.canonical.InputError;
import io.edihub.canonical.OrderChange.LineChange;
import io.edihub.canonical.OrderChange;
import io.edihub.canonical.OrderLine;
import io.edihub.canonical.OrderMessage;
import io.edihub.canonical.PurchaseOrder.Purpose;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.ScheduleLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
public final class CsvOrderReader extends SizeLimitedReader<OrderDocument> {

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
    }

    /** Whose value a column holds: the order's (same on every row), a line's (same on its rows), a row's. */
    enum Scope {
        ORDER, LINE, ROW
    }

    enum Kind {
        TEXT, DATE, QUANTITY, AMOUNT, UNIT, CURRENCY, ORDER_TYPE, PURPOSE, ACTION, COUNTRY
    }

    private static final int MAX_TEXT = 256;

    private static final CsvInput.Layout LAYOUT = new CsvInput.Layout(
            Stream.of(Column.values()).map(c -> c.header).toList(),
            Stream.of(Column.values()).filter(c -> c.required).map(c -> c.header).collect(Collectors.toSet()),
            "one row per schedule line", "order rows");

    /**
     * @param maxBytes the largest document read; a larger one is refused before it is parsed
     */
    public CsvOrderReader(long maxBytes) {
        super(maxBytes);
    }

    @Override
    protected OrderDocument refused(InputError error) {
        return OrderDocument.refused(OrderFormat.CSV, List.of(error));
    }

    @Override
    protected OrderDocument readWithinLimit(String partnerId, String fileName, byte[] content) {
        InputErrors errors = new InputErrors();
        OrderMessage message = new Rows(partnerId, fileName, errors).read(content);
        if (!errors.isEmpty() || message == null) {
            return OrderDocument.refused(OrderFormat.CSV, errors.list());
        }
        return new OrderDocument(OrderFormat.CSV, List.of(message), List.of());
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
        private final InputErrors errors;
        private CsvHeader header;
        private Stated poNumber;
        private final Map<Column, Stated> orderFields = new EnumMap<>(Column.class);
        private final Map<String, LineRows> lines = new LinkedHashMap<>();

        Rows(String partnerId, String fileName, InputErrors errors) {
            this.partnerId = partnerId;
            this.fileName = fileName;
            this.errors = errors;
        }

        OrderMessage read(byte[] content) {
            boolean complete = CsvInput.read(content, LAYOUT, errors, (columns, record) -> {
                header = columns;
                row(record);
            });
            return complete && errors.isEmpty() ? order() : null;
        }

        private void row(CSVRecord record) {
            long row = record.getRecordNumber();
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
            for (Column column : Column.values()) {
                if (header.has(column.header) && column.scope == Scope.ORDER && column != Column.PO_NUMBER) {
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
            for (Column column : Column.values()) {
                if (header.has(column.header) && column.scope == Scope.LINE && column != Column.LINE) {
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
                return CsvInput.isNumber(a) && CsvInput.isNumber(b) && new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
            }
            return column.kind == Kind.PURPOSE || column.kind == Kind.ACTION ? a.equalsIgnoreCase(b) : false;
        }

        /** The value of a column as the hub uses it, or null (and an error) when it is not one. */
        private Object check(Column column, String value, long row) {
            String at = at(row, column);
            switch (column.kind) {
                case TEXT -> {
                    return CsvInput.text(value, MAX_TEXT, at, errors);
                }
                case DATE -> {
                    return CsvInput.date(value, at, errors);
                }
                case QUANTITY, AMOUNT -> {
                    BigDecimal number = CsvInput.decimal(value, at, errors);
                    if (number == null) {
                        return null;
                    }
                    if (value.startsWith("-")) {
                        errors.add(new InputError(at, "BAD_NUMBER",
                                "'" + value + "' is not a number (a negative number is not allowed)"));
                        return null;
                    }
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
            return CsvInput.matching(value, regex, at, message, errors);
        }

        private String value(CSVRecord record, Column column) {
            return header.value(record, column.header);
        }

        private static String at(long row, Column column) {
            return CsvInput.at(row, column.header);
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
            LocalDate orderDate = LocalDate.parse(orderDateText, CsvInput.DATE);
            String requested = orderField(Column.REQUESTED_DELIVERY);
            LocalDate requestedDelivery = requested == null ? null : LocalDate.parse(requested, CsvInput.DATE);
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
