package io.edihub.billing;

import io.edihub.partner.Contract;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The payment clock of one invoice, from the contract's terms: the day the terms run from (the invoice date, the
 * acceptance date or the later of both, as the terms' {@code due-from} says), the due date net days after it, and
 * when the terms have an early-payment discount, its last day and the amount it allows on the invoice total.
 * Without terms an invoice is due on its own date and allows no discount.
 *
 * @param acceptanceDate  the day the customer accepted the goods
 * @param termsFrom       the day the net days and discount days count from
 * @param dueDate         terms-from plus the net days
 * @param discountDate    terms-from plus the discount days, or null when the terms have no discount
 * @param discountAllowed total × discount percent / 100, half up to the cent, or null when the terms have no discount
 */
record PaymentClock(LocalDate acceptanceDate, LocalDate termsFrom, LocalDate dueDate, LocalDate discountDate,
        BigDecimal discountAllowed) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * The clock of an invoice of {@code total} made on {@code invoiceDate} for goods accepted on
     * {@code acceptanceDate}.
     *
     * @param terms the contract's payment terms, or null when the invoice has none
     */
    static PaymentClock of(Contract.PaymentTerms terms, LocalDate invoiceDate, LocalDate acceptanceDate,
            BigDecimal total) {
        Objects.requireNonNull(invoiceDate, "invoiceDate");
        Objects.requireNonNull(acceptanceDate, "acceptanceDate");
        if (terms == null) {
            return new PaymentClock(acceptanceDate, invoiceDate, invoiceDate, null, null);
        }
        LocalDate from = switch (terms.dueFrom()) {
            case INVOICE -> invoiceDate;
            case ACCEPTANCE -> acceptanceDate;
            case LATER_OF_INVOICE_AND_ACCEPTANCE -> acceptanceDate.isAfter(invoiceDate) ? acceptanceDate : invoiceDate;
        };
        if (!terms.hasDiscount()) {
            return new PaymentClock(acceptanceDate, from, from.plusDays(terms.netDays()), null, null);
        }
        BigDecimal discount = total.multiply(terms.discountPercent()).divide(HUNDRED).setScale(2, RoundingMode.HALF_UP);
        return new PaymentClock(acceptanceDate, from, from.plusDays(terms.netDays()),
                from.plusDays(terms.discountDays()), discount);
    }
}
