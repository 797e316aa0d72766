package io.edihub.cash;

import io.edihub.billing.CreditNotes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Cash a credit note gave back: a credit on an invoice already paid takes that much off what was paid on it, and this
 * puts it back on the partner's account as unapplied cash, on the payments that paid the invoice (latest first). Runs
 * in the credit note's transaction, so the invoice and the payment never disagree.
 */
@Component
class CashReturns {

    private final PaymentBook book;

    CashReturns(PaymentBook book) {
        this.book = book;
    }

    @EventListener
    void returned(CreditNotes.CashReturned returned) {
        BigDecimal left = returned.amount();
        List<PaymentEvent.Line> lines = new ArrayList<>();
        for (long[] payment : book.paymentsOn(returned.partnerId(), returned.invoiceNumber())) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal back = left.min(book.appliedTo(payment[0], returned.invoiceNumber()));
            if (back.signum() <= 0) {
                continue;
            }
            book.find(payment[0], true);
            if (book.application(payment[0], "credit-return:" + returned.creditNoteNumber() + ":" + payment[0],
                    returned.partnerId(), returned.invoiceNumber(), back.negate(), BigDecimal.ZERO, "CREDIT_RETURN",
                    "billing", "credit note " + returned.creditNoteNumber(), returned.at())) {
                book.shift(payment[0], back.negate());
                PaymentBook.Payment after = book.find(payment[0]).orElseThrow();
                String message = CashApplication.plain(back) + " " + after.currency() + " of invoice "
                        + returned.invoiceNumber() + " given back to the account by credit note "
                        + returned.creditNoteNumber() + "; it waits there as unapplied cash";
                book.publish(new PaymentEvent("payment:" + after.id() + ":credit-return:" + returned.creditNoteNumber(),
                        "CREDIT_RETURN", after.partnerId(), after.id(), after.traceNumber(), after.currency(),
                        after.total(), after.paymentDate(), after.method(), after.applied(), after.unapplied(),
                        List.of(new PaymentEvent.Line(returned.invoiceNumber(), "RETURNED", back.negate(), back.negate(),
                                BigDecimal.ZERO, BigDecimal.ZERO, back, null, null, null, message)), "billing",
                        returned.at()));
            }
            left = left.subtract(back);
        }
        if (left.signum() > 0) {
            throw new IllegalStateException("credit note " + returned.creditNoteNumber() + " gives back " + returned.amount()
                    + " paid on invoice " + returned.invoiceNumber() + ", but no payment on file applied " + left
                    + " of it");
        }
    }
}
