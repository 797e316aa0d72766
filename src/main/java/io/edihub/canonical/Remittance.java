package io.edihub.canonical;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A customer's payment and what it pays: an X12 820 payment order / remittance advice or its JSON / CSV form. Each
 * line names one of our invoices with what was paid on it; the cash application applies it.
 *
 * @param partnerId   the customer
 * @param traceNumber the payment's trace number (TRN02; the JSON {@code traceNumber}): taken once per partner
 * @param total       the payment's amount (BPR02), positive
 * @param currency    ISO 4217 (CUR02 when given), null when the document names none
 * @param method      the payment method (BPR04: {@code ACH}, {@code CHK}, {@code FWT} …)
 * @param paymentDate the effective payment date (BPR16)
 * @param lines       one per invoice paid (ENT/RMR loops)
 * @param source      the document it came in
 */
public record Remittance(String partnerId, String traceNumber, BigDecimal total, String currency, String method,
        LocalDate paymentDate, List<Line> lines, PurchaseOrder.SourceDocument source) {

    public Remittance {
        Objects.requireNonNull(traceNumber, "traceNumber");
        lines = List.copyOf(lines);
    }

    /**
     * One invoice paid.
     *
     * @param invoiceNumber our invoice number (RMR02 with RMR01 {@code IV}), or what the customer wrote when it names
     *                      none we know
     * @param paid          the amount paid on it (RMR04)
     * @param invoiceAmount the invoice's amount as the customer has it (RMR05), if given
     * @param discount      the early-payment discount the customer took (RMR06), if any
     * @param adjustments   why less (or more) was paid (ADX loops under the RMR)
     */
    public record Line(String invoiceNumber, BigDecimal paid, BigDecimal invoiceAmount, BigDecimal discount,
            List<LineAdjustment> adjustments) {

        public Line {
            adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
        }
    }

    /**
     * An adjustment the customer made to what it paid on an invoice (ADX).
     *
     * @param amount     ADX01: negative when it paid less
     * @param reasonCode ADX02, the adjustment reason code (element 426)
     * @param text       why, in words, if given (NTE / the JSON {@code text})
     */
    public record LineAdjustment(BigDecimal amount, String reasonCode, String text) {
    }
}
