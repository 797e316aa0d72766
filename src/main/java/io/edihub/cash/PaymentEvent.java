package io.edihub.cash;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a payment did, on {@code edihub.payments.v1} (type {@code io.edihub.payment.v1}, keyed by partner): a remittance
 * taken and applied line by line, unapplied cash applied by an operator, or cash given back to the account by a credit
 * note on an invoice already paid. The event id is derived from the payment and the move, so a replay sends the same id.
 *
 * @param kind      REMITTANCE, APPLICATION or CREDIT_RETURN
 * @param applied   of the payment, applied to invoices after this move
 * @param unapplied of the payment, still on the partner's account after this move
 * @param lines     the invoices this move touched
 * @param actor     the partner's document or API user for a remittance; the operator for an application; billing
 *                  for a credit return
 */
public record PaymentEvent(String eventId, String kind, String partnerId, long paymentId, String traceNumber,
        String currency, BigDecimal total, LocalDate paymentDate, String method, BigDecimal applied, BigDecimal unapplied,
        List<Line> lines, String actor, Instant at) {

    public PaymentEvent {
        lines = List.copyOf(lines);
    }

    /**
     * One invoice touched.
     *
     * @param outcome       PAID, PARTIALLY_PAID, OVERPAID or UNKNOWN_INVOICE for a remittance line; APPLIED or RETURNED
     * @param paid          what the customer paid on it (a remittance line) or what was moved (negative: given back)
     * @param applied       of it, applied to the invoice
     * @param discount      the early-payment discount earned
     * @param deducted      what the customer withheld, now a deduction claim
     * @param unapplied     of it, left on the partner's account
     * @param claimNumber   the deduction claim, if one was raised
     * @param invoiceStatus the invoice's status after it: OPEN, PARTIALLY_PAID, PAID, CREDITED; null for an unknown one
     * @param invoiceOpen   the invoice's open balance after it
     */
    public record Line(String invoiceNumber, String outcome, BigDecimal paid, BigDecimal applied, BigDecimal discount,
            BigDecimal deducted, BigDecimal unapplied, String claimNumber, String invoiceStatus, BigDecimal invoiceOpen,
            String message) {
    }
}
