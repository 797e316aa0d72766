package io.edihub.document;

import io.edihub.canonical.InputError;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.Remittance;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads customers' remittances as CSV (the CSV form of an X12 820), or says precisely what is wrong with them, by row
 * and column.
 *
 * <p>The layout: a header row naming the columns ({@value #HEADER}; any order, case, spaces and hyphens in names do
 * not matter; only {@code trace_number}, {@code total}, {@code invoice_number} and {@code paid} are required), then
 * one row per invoice paid. A file may hold several payments, one per {@code trace_number}, in the order they first
 * appear. A payment's own values ({@code payment_date} to {@code currency}) are the same on all its rows (a blank cell
 * means "as on the other rows", so they are usually written on the first row only); its line values
 * ({@code invoice_number} to {@code adjustment_text}) are the row's. A row carries at most one adjustment of what was
 * paid on its invoice ({@code adjustment_amount}, negative when less was paid, with its {@code adjustment_reason});
 * the JSON form takes several. The same CSV dialects as orders: UTF-8 with or without a byte order mark, CRLF or LF,
 * comma, semicolon or tab. The rules are the JSON form's ({@link RemittanceJsonReader}). Thread-safe.
 */
public final class RemittanceCsvReader extends SizeLimitedReader<RemittanceDocument> {

    /** The columns, in the order the hub writes them. */
    public static final String HEADER = "trace_number,payment_date,method,total,currency,invoice_number,paid,"
            + "invoice_amount,discount,adjustment_amount,adjustment_reason,adjustment_text";

    private static final String TRACE_NUMBER = "trace_number";
    private static final String PAYMENT_DATE = "payment_date";
    private static final String METHOD = "method";
    private static final String TOTAL = "total";
    private static final String CURRENCY = "currency";
    private static final String INVOICE_NUMBER = "invoice_number";
    private static final String PAID = "paid";
    private static final String INVOICE_AMOUNT = "invoice_amount";
    private static final String DISCOUNT = "discount";
    private static final String ADJUSTMENT_AMOUNT = "adjustment_amount";
    private static final String ADJUSTMENT_REASON = "adjustment_reason";
    private static final String ADJUSTMENT_TEXT = "adjustment_text";

    // as the JSON schema bounds them, so that both formats take the same remittances
    private static final int MAX_ID = 35;
    private static final int MAX_TEXT = 256;

    private static final CsvInput.Layout LAYOUT = new CsvInput.Layout(List.of(HEADER.split(",")),
            Set.of(TRACE_NUMBER, TOTAL, INVOICE_NUMBER, PAID), "one row per invoice paid", "remittance rows");

    /**
     * @param maxBytes the largest document read; a larger one is refused before it is parsed
     */
    public RemittanceCsvReader(long maxBytes) {
        super(maxBytes);
    }

    @Override
    protected RemittanceDocument refused(InputError error) {
        return RemittanceDocument.refused(List.of(error));
    }

    @Override
    protected RemittanceDocument readWithinLimit(String partnerId, String fileName, byte[] content) {
        InputErrors errors = new InputErrors();
        Rows rows = new Rows(errors);
        boolean complete = CsvInput.read(content, LAYOUT, errors, rows::row);
        if (!complete || !errors.isEmpty()) {
            return RemittanceDocument.refused(errors.list());
        }
        List<Remittance> remittances = rows.remittances(partnerId,
                new PurchaseOrder.SourceDocument("CSV", fileName, null, null, null, null));
        if (!errors.isEmpty()) {
            return RemittanceDocument.refused(errors.list());
        }
        return new RemittanceDocument(remittances, List.of());
    }

    /** Reading the rows of one document. */
    private static final class Rows {

        private final InputErrors errors;
        private final CsvGroups<RemittanceLines> payments;

        Rows(InputErrors errors) {
            this.errors = errors;
            this.payments = new CsvGroups<>(TRACE_NUMBER, MAX_ID, "payment", RemittanceLines::new, errors);
        }

        void row(CsvHeader header, CSVRecord record) {
            long row = record.getRecordNumber();
            CsvGroups.Group<RemittanceLines> payment = payments.of(header, record);
            payments.stated(header, record, payment, PAYMENT_DATE, v -> CsvInput.date(v, CsvInput.at(row, PAYMENT_DATE),
                    errors) == null ? null : v);
            payments.stated(header, record, payment, METHOD, v -> CsvInput.matching(v, "[A-Z]{3}", CsvInput.at(row, METHOD),
                    "is not an X12 payment method code (3 capital letters, such as ACH, CHK or FWT)", errors));
            payments.stated(header, record, payment, TOTAL, v -> {
                BigDecimal total = money(v, CsvInput.at(row, TOTAL), false);
                if (total != null && total.signum() == 0) {
                    errors.add(new InputError(CsvInput.at(row, TOTAL), "NOT_POSITIVE", "'" + v + "' is not greater than "
                            + "zero: a payment pays something"));
                    return null;
                }
                return total == null ? null : v;
            });
            payments.stated(header, record, payment, CURRENCY, v -> CsvInput.matching(v, "[A-Z]{3}", CsvInput.at(row, CURRENCY),
                    "is not an ISO 4217 currency code (3 capital letters, such as USD)", errors));
            line(header, record, payment);
        }

        private void line(CsvHeader header, CSVRecord record, CsvGroups.Group<RemittanceLines> payment) {
            long row = record.getRecordNumber();
            String invoiceNumber = header.value(record, INVOICE_NUMBER);
            if (invoiceNumber.isEmpty()) {
                errors.add(new InputError(CsvInput.at(row, INVOICE_NUMBER), "MISSING_VALUE", INVOICE_NUMBER + " is "
                        + "empty: every row names the invoice it pays"));
            } else {
                invoiceNumber = CsvInput.text(invoiceNumber, MAX_ID, CsvInput.at(row, INVOICE_NUMBER), errors);
            }
            int before = errors.size();
            String paidValue = header.value(record, PAID);
            BigDecimal paid = null;
            if (paidValue.isEmpty()) {
                errors.add(new InputError(CsvInput.at(row, PAID), "MISSING_VALUE", PAID + " is empty: every row says "
                        + "what was paid on its invoice"));
            } else {
                paid = money(paidValue, CsvInput.at(row, PAID), false);
            }
            BigDecimal invoiceAmount = optionalMoney(header, record, INVOICE_AMOUNT);
            BigDecimal discount = optionalMoney(header, record, DISCOUNT);
            List<Remittance.LineAdjustment> adjustments = adjustment(header, record);
            if (payment == null || invoiceNumber == null) {
                return;
            }
            Remittance.Line line = errors.size() > before || paid == null ? null
                    : new Remittance.Line(invoiceNumber, paid, invoiceAmount, discount, adjustments);
            payment.lines.add(invoiceNumber, line, CsvInput.at(row, INVOICE_NUMBER), "row " + row, errors);
        }

        /** The row's adjustment, if it has one: an amount and a reason, with its text. */
        private List<Remittance.LineAdjustment> adjustment(CsvHeader header, CSVRecord record) {
            long row = record.getRecordNumber();
            String amountValue = header.value(record, ADJUSTMENT_AMOUNT);
            String reason = header.value(record, ADJUSTMENT_REASON);
            String text = header.value(record, ADJUSTMENT_TEXT);
            if (amountValue.isEmpty() && reason.isEmpty() && text.isEmpty()) {
                return List.of();
            }
            if (amountValue.isEmpty()) {
                errors.add(new InputError(CsvInput.at(row, ADJUSTMENT_AMOUNT), "MISSING_VALUE", ADJUSTMENT_AMOUNT
                        + " is empty: a row with an adjustment says by how much (negative when less was paid)"));
                return List.of();
            }
            if (reason.isEmpty()) {
                errors.add(new InputError(CsvInput.at(row, ADJUSTMENT_REASON), "MISSING_VALUE", ADJUSTMENT_REASON
                        + " is empty: a row with an adjustment says why, as an X12 adjustment reason code (04 damaged "
                        + "...) or one agreed with us"));
                return List.of();
            }
            BigDecimal amount = money(amountValue, CsvInput.at(row, ADJUSTMENT_AMOUNT), true);
            String keptReason = CsvInput.text(reason, MAX_ID, CsvInput.at(row, ADJUSTMENT_REASON), errors);
            String keptText = text.isEmpty() ? null : CsvInput.text(text, MAX_TEXT, CsvInput.at(row, ADJUSTMENT_TEXT),
                    errors);
            return amount == null || keptReason == null ? List.of()
                    : List.of(new Remittance.LineAdjustment(amount, keptReason, keptText));
        }

        /** One remittance per trace number, once every row is read without error. */
        List<Remittance> remittances(String partnerId, PurchaseOrder.SourceDocument source) {
            List<Remittance> list = new ArrayList<>();
            for (CsvGroups.Group<RemittanceLines> p : payments.all()) {
                if (p.text(TOTAL) == null) {
                    errors.add(new InputError(CsvInput.at(p.firstRow, TOTAL), "MISSING_VALUE", "payment "
                            + p.key + " has no " + TOTAL + " on any of its rows"));
                }
                BigDecimal total = p.text(TOTAL) == null ? null : new BigDecimal(p.text(TOTAL));
                List<Remittance.Line> lines = p.lines.lines(total, p.at(TOTAL), errors);
                if (total != null) {
                    list.add(new Remittance(partnerId, p.key, total, p.text(CURRENCY), p.text(METHOD),
                            p.text(PAYMENT_DATE) == null ? null : LocalDate.parse(p.text(PAYMENT_DATE), CsvInput.DATE),
                            lines, source));
                }
            }
            return list;
        }

        /** An amount of money in cents at most, zero or more unless {@code signed}; null (and an error) otherwise. */
        private BigDecimal money(String value, String at, boolean signed) {
            BigDecimal number = CsvInput.decimal(value, at, errors);
            if (number == null) {
                return null;
            }
            if (!signed && number.signum() < 0) {
                errors.add(new InputError(at, "NEGATIVE_NUMBER", "'" + value + "' is less than zero: what the customer "
                        + "deducts goes in adjustment_amount"));
                return null;
            }
            if (number.stripTrailingZeros().scale() > AdjustmentLines.AMOUNT_DECIMALS) {
                errors.add(AdjustmentLines.tooPrecise(at, "'" + value + "'"));
                return null;
            }
            return number;
        }

        private BigDecimal optionalMoney(CsvHeader header, CSVRecord record, String column) {
            String value = header.value(record, column);
            return value.isEmpty() ? null : money(value, CsvInput.at(record.getRecordNumber(), column), false);
        }
    }
}
