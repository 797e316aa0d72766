package io.edihub.cash;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How one remittance line's money divides on its invoice; arithmetic only. Every amount is zero or more and
 * {@code applied + over = paid}, {@code earned + applied + shortPaid = open}.
 *
 * @param earned    the discount earned: taken on or before the discount date, on an invoice without one yet, up to
 *                  what the terms allow and to what is open
 * @param unearned  the discount taken and not earned: a deduction as far as it leaves something open
 * @param applied   what of the payment goes onto the invoice
 * @param over      what of the payment is more than was open: unapplied cash
 * @param shortPaid what is still open after the payment and the discount: the deduction
 */
record LineSplit(BigDecimal earned, BigDecimal unearned, BigDecimal applied, BigDecimal over, BigDecimal shortPaid) {

    /**
     * @param open            the invoice's open balance before the line
     * @param paid            what the line pays
     * @param taken           the discount the customer took, or null
     * @param paymentDate     the payment's effective date
     * @param discountDate    the invoice's last day for its discount, or null when its terms have none
     * @param discountAllowed the discount its terms allow, or null
     * @param discountedAlready whether the invoice has a discount recorded already (a discount is earned once)
     */
    static LineSplit of(BigDecimal open, BigDecimal paid, BigDecimal taken, LocalDate paymentDate, LocalDate discountDate,
            BigDecimal discountAllowed, boolean discountedAlready) {
        BigDecimal discount = taken == null ? BigDecimal.ZERO : taken;
        BigDecimal earned = BigDecimal.ZERO;
        if (discount.signum() > 0 && inWindow(paymentDate, discountDate) && discountAllowed != null && !discountedAlready) {
            earned = discount.min(discountAllowed).min(open);
        }
        BigDecimal applied = paid.min(open.subtract(earned));
        return new LineSplit(earned, discount.subtract(earned), applied, paid.subtract(applied),
                open.subtract(earned).subtract(applied));
    }

    /** Whether a payment on that day is inside the discount window. */
    static boolean inWindow(LocalDate paymentDate, LocalDate discountDate) {
        return discountDate != null && !paymentDate.isAfter(discountDate);
    }
}
