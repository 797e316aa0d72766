package io.edihub.document;

import io.edihub.canonical.Adjustment;
import io.edihub.canonical.InputError;
import io.edihub.canonical.PurchaseOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads customers' credit/debit adjustments of our invoices as CSV (the CSV form of an X12 812), or says precisely
 * what is wrong with them, by row and column.
 *
 * <p>The layout: a header row naming the columns ({@value #HEADER}; any order, case, spaces and hyphens in names do
 * not matter; only {@code adjustment_number}, {@code adjustment_date}, {@code invoice_number}, {@code direction} and
 * {@code amount} are required), then one row per invoice line adjusted. A file may hold several adjustments, one per
 * {@code adjustment_number}, in the order they first appear. An adjustment's own values ({@code adjustment_date} to
 * {@code reason_text}) are the same on all its rows (a blank cell means "as on the other rows"); its line values
 * ({@code line_number} to {@code line_amount}) are the row's. A row whose line values are all blank adjusts no line:
 * an adjustment of an amount alone is one such row. {@code direction} is {@code credit} or {@code debit}. The same
 * CSV dialects as orders: UTF-8 with or without a byte order mark, CRLF or LF, comma, semicolon or tab. The rules are
 * the JSON form's ({@link AdjustmentJsonReader}). Thread-safe.
 */
public final class AdjustmentCsvReader extends SizeLimitedReader<AdjustmentDocument> {

    /** The columns, in the order the hub writes them. */
    public static final String HEADER = "adjustment_number,adjustment_date,invoice_number,invoice_date,po_number,"
            + "direction,amount,currency,reason,reason_text,line_number,line_reason,buyer_part,vendor_part,quantity,unit,"
            + "unit_price,line_amount";

    private static final String ADJUSTMENT_NUMBER = "adjustment_number";
    private static final String ADJUSTMENT_DATE = "adjustment_date";
    private static final String INVOICE_NUMBER = "invoice_number";
    private static final String INVOICE_DATE = "invoice_date";
    private static final String PO_NUMBER = "po_number";
    private static final String DIRECTION = "direction";
    private static final String AMOUNT = "amount";
    private static final String CURRENCY = "currency";
    private static final String REASON = "reason";
    private static final String REASON_TEXT = "reason_text";
    private static final String LINE_NUMBER = "line_number";
    private static final String LINE_REASON = "line_reason";
    private static final String BUYER_PART = "buyer_part";
    private static final String VENDOR_PART = "vendor_part";
    private static final String QUANTITY = "quantity";
    private static final String UNIT = "unit";
    private static final String UNIT_PRICE = "unit_price";
    private static final String LINE_AMOUNT = "line_amount";
    private static final List<String> LINE_COLUMNS = List.of(LINE_NUMBER, LINE_REASON, BUYER_PART, VENDOR_PART, QUANTITY,
            UNIT, UNIT_PRICE, LINE_AMOUNT);

    // as the JSON schema bounds them, so that both formats take the same adjustments
    private static final int MAX_ID = 35;
    private static final int MAX_TEXT = 256;

    private static final CsvInput.Layout LAYOUT = new CsvInput.Layout(List.of(HEADER.split(",")),
            Set.of(ADJUSTMENT_NUMBER, ADJUSTMENT_DATE, INVOICE_NUMBER, DIRECTION, AMOUNT),
            "one row per invoice line adjusted", "adjustment rows");

    /**
     * @param maxBytes the largest document read; a larger one is refused before it is parsed
     */
    public AdjustmentCsvReader(long maxBytes) {
        super(maxBytes);
    }

    @Override
    protected AdjustmentDocument refused(InputError error) {
        return AdjustmentDocument.refused(List.of(error));
    }

    @Override
    protected AdjustmentDocument readWithinLimit(String partnerId, String fileName, byte[] content) {
        InputErrors errors = new InputErrors();
        Rows rows = new Rows(errors);
        boolean complete = CsvInput.read(content, LAYOUT, errors, rows::row);
        if (!complete || !errors.isEmpty()) {
            return AdjustmentDocument.refused(errors.list());
        }
        List<Adjustment> adjustments = rows.adjustments(partnerId,
                new PurchaseOrder.SourceDocument("CSV", fileName, null, null, null, null));
        if (!errors.isEmpty()) {
            return AdjustmentDocument.refused(errors.list());
        }
        return new AdjustmentDocument(adjustments, List.of());
    }

    /** Reading the rows of one document. */
    private static final class Rows {

        private final InputErrors errors;
        private final CsvGroups<AdjustmentLines> adjustments;

        Rows(InputErrors errors) {
            this.errors = errors;
            this.adjustments = new CsvGroups<>(ADJUSTMENT_NUMBER, MAX_ID, "adjustment", AdjustmentLines::new, errors);
        }

        void row(CsvHeader header, CSVRecord record) {
            long row = record.getRecordNumber();
            CsvGroups.Group<AdjustmentLines> adjustment = adjustments.of(header, record);
            adjustments.stated(header, record, adjustment, ADJUSTMENT_DATE, v -> CsvInput.date(v, CsvInput.at(row, ADJUSTMENT_DATE),
                    errors) == null ? null : v);
            adjustments.stated(header, record, adjustment, INVOICE_NUMBER, v -> CsvInput.text(v, MAX_ID, CsvInput.at(row,
                    INVOICE_NUMBER), errors));
            adjustments.stated(header, record, adjustment, INVOICE_DATE, v -> CsvInput.date(v, CsvInput.at(row, INVOICE_DATE),
                    errors) == null ? null : v);
            adjustments.stated(header, record, adjustment, PO_NUMBER, v -> CsvInput.text(v, MAX_ID, CsvInput.at(row, PO_NUMBER),
                    errors));
            adjustments.stated(header, record, adjustment, DIRECTION, v -> direction(v, CsvInput.at(row, DIRECTION)));
            adjustments.stated(header, record, adjustment, AMOUNT, v -> money(v, CsvInput.at(row, AMOUNT)) == null ? null : v);
            adjustments.stated(header, record, adjustment, CURRENCY, v -> CsvInput.matching(v, "[A-Z]{3}", CsvInput.at(row, CURRENCY),
                    "is not an ISO 4217 currency code (3 capital letters, such as USD)", errors));
            adjustments.stated(header, record, adjustment, REASON, v -> CsvInput.text(v, MAX_ID, CsvInput.at(row, REASON), errors));
            adjustments.stated(header, record, adjustment, REASON_TEXT, v -> CsvInput.text(v, MAX_TEXT, CsvInput.at(row, REASON_TEXT),
                    errors));
            line(header, record, adjustment);
        }

        private void line(CsvHeader header, CSVRecord record, CsvGroups.Group<AdjustmentLines> adjustment) {
            long row = record.getRecordNumber();
            if (LINE_COLUMNS.stream().allMatch(c -> header.value(record, c).isEmpty())) {
                return;
            }
            String lineNumber = header.value(record, LINE_NUMBER);
            if (lineNumber.isEmpty()) {
                errors.add(new InputError(CsvInput.at(row, LINE_NUMBER), "MISSING_VALUE", LINE_NUMBER + " is empty: a row "
                        + "with line values names the invoice line they adjust"));
            } else {
                lineNumber = CsvInput.text(lineNumber, MAX_ID, CsvInput.at(row, LINE_NUMBER), errors);
            }
            int before = errors.size();
            String reason = optional(header, record, LINE_REASON, v -> CsvInput.text(v, MAX_ID, CsvInput.at(row,
                    LINE_REASON), errors));
            String buyerPart = optional(header, record, BUYER_PART, v -> CsvInput.text(v, MAX_ID, CsvInput.at(row,
                    BUYER_PART), errors));
            String vendorPart = optional(header, record, VENDOR_PART, v -> CsvInput.text(v, MAX_ID, CsvInput.at(row,
                    VENDOR_PART), errors));
            BigDecimal quantity = number(header, record, QUANTITY, "quantity");
            String unit = optional(header, record, UNIT, v -> CsvInput.matching(v, "[A-Z0-9]{2,3}", CsvInput.at(row, UNIT),
                    "is not a unit of measure code (2 or 3 capital letters or digits, such as EA or C62)", errors));
            BigDecimal unitPrice = number(header, record, UNIT_PRICE, "unit price");
            String amount = header.value(record, LINE_AMOUNT);
            BigDecimal lineAmount = amount.isEmpty() ? null : money(amount, CsvInput.at(row, LINE_AMOUNT));
            if (adjustment == null || lineNumber == null) {
                return;
            }
            Adjustment.Line line = errors.size() > before ? null
                    : new Adjustment.Line(lineNumber, reason, buyerPart, vendorPart, quantity, unit, unitPrice, lineAmount);
            adjustment.lines.add(lineNumber, line, CsvInput.at(row, LINE_NUMBER), "row " + row, errors);
        }

        /** One adjustment per number, once every row is read without error. */
        List<Adjustment> adjustments(String partnerId, PurchaseOrder.SourceDocument source) {
            List<Adjustment> list = new ArrayList<>();
            for (CsvGroups.Group<AdjustmentLines> a : adjustments.all()) {
                boolean complete = true;
                for (String column : List.of(ADJUSTMENT_DATE, INVOICE_NUMBER, DIRECTION, AMOUNT)) {
                    if (a.text(column) == null) {
                        errors.add(new InputError(CsvInput.at(a.firstRow, column), "MISSING_VALUE", "adjustment "
                                + a.key + " has no " + column + " on any of its rows"));
                        complete = false;
                    }
                }
                BigDecimal amount = a.text(AMOUNT) == null ? null : new BigDecimal(a.text(AMOUNT));
                List<Adjustment.Line> lines = a.lines.lines(amount, a.at(AMOUNT), errors);
                if (complete) {
                    list.add(new Adjustment(partnerId, a.key, LocalDate.parse(a.text(ADJUSTMENT_DATE), CsvInput.DATE),
                            a.text(INVOICE_NUMBER), a.text(INVOICE_DATE) == null ? null
                                    : LocalDate.parse(a.text(INVOICE_DATE), CsvInput.DATE), a.text(PO_NUMBER),
                            "credit".equals(a.text(DIRECTION)), amount, a.text(CURRENCY), a.text(REASON),
                            a.text(REASON_TEXT), lines, source));
                }
            }
            return list;
        }

        private String direction(String value, String at) {
            String v = value.toLowerCase(Locale.ROOT);
            if (v.equals("credit") || v.equals("debit")) {
                return v;
            }
            errors.add(new InputError(at, "BAD_VALUE", "'" + value + "' is not credit or debit"));
            return null;
        }

        /** An amount of money greater than zero, in cents at most; null (and an error) otherwise. */
        private BigDecimal money(String value, String at) {
            BigDecimal number = CsvInput.decimal(value, at, errors);
            if (number == null) {
                return null;
            }
            if (number.signum() <= 0) {
                errors.add(new InputError(at, "NOT_POSITIVE", "'" + value + "' is not greater than zero: the direction "
                        + "says whether it is a credit or a debit"));
                return null;
            }
            if (number.stripTrailingZeros().scale() > AdjustmentLines.AMOUNT_DECIMALS) {
                errors.add(AdjustmentLines.tooPrecise(at, "'" + value + "'"));
                return null;
            }
            return number;
        }

        /** A quantity or price of zero or more; null when blank (or wrong, with an error). */
        private BigDecimal number(CsvHeader header, CSVRecord record, String column, String what) {
            String value = header.value(record, column);
            if (value.isEmpty()) {
                return null;
            }
            String at = CsvInput.at(record.getRecordNumber(), column);
            BigDecimal number = CsvInput.decimal(value, at, errors);
            if (number != null && number.signum() < 0) {
                errors.add(new InputError(at, "NEGATIVE_NUMBER", "'" + value + "' is less than zero: a " + what + " is "
                        + "never negative, the direction says whether the line is a credit or a debit"));
                return null;
            }
            return number;
        }

        /** A value a row may leave blank; null when blank or wrong (and an error). */
        private static String optional(CsvHeader header, CSVRecord record, String column, UnaryOperator<String> check) {
            String value = header.value(record, column);
            return value.isEmpty() ? null : check.apply(value);
        }
    }
}
