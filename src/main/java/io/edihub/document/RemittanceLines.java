package io.edihub.document;

import io.edihub.canonical.InputError;
import io.edihub.canonical.Remittance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The invoices one payment pays as a reader finds them, with the rules the JSON and the CSV format share with the
 * X12 820 reader: an invoice is paid once per payment, and the amounts paid add up to the payment's total.
 */
final class RemittanceLines {

    private final String traceNumber;
    private final Map<String, String> listedAt = new HashMap<>();
    private final List<Remittance.Line> lines = new ArrayList<>();
    private boolean everyLineRead = true;
    private BigDecimal paid = BigDecimal.ZERO;

    RemittanceLines(String traceNumber) {
        this.traceNumber = traceNumber;
    }

    /**
     * Adds a line.
     *
     * @param line      the line as read; null when one of its values was wrong (and said so), so that only its invoice
     *                  number counts
     * @param invoiceAt where its invoice number is, for an error about it
     * @param lineAt    where the line is ({@code /lines/2}, {@code row 4}), for the message
     */
    void add(String invoiceNumber, Remittance.Line line, String invoiceAt, String lineAt, InputErrors errors) {
        String first = listedAt.putIfAbsent(invoiceNumber, lineAt);
        if (first != null) {
            errors.add(new InputError(invoiceAt, "DUPLICATE_INVOICE", "invoice " + invoiceNumber + " is paid twice in "
                    + "payment " + traceNumber + " (first at " + first + "): one line per invoice, or the hub could not "
                    + "tell which amount counts"));
            // which of the two counts is unknown, so the lines have no sum to compare with the total
            everyLineRead = false;
            return;
        }
        if (line == null) {
            everyLineRead = false;
            return;
        }
        paid = paid.add(line.paid());
        lines.add(line);
    }

    /** The lines, once every one was added; an error at {@code totalAt} when what they pay is not the total. */
    List<Remittance.Line> lines(BigDecimal total, String totalAt, InputErrors errors) {
        if (total != null && everyLineRead && !lines.isEmpty() && paid.compareTo(total) != 0) {
            errors.add(new InputError(totalAt, "AMOUNT_MISMATCH", "payment " + traceNumber + " is of "
                    + total.toPlainString() + " but its lines pay " + paid.toPlainString() + ": the total is the sum "
                    + "of what is paid on each invoice, the hub does not guess where the difference belongs"));
        }
        return List.copyOf(lines);
    }
}
