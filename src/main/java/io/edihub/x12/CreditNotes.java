package io.edihub.x12;

import io.edihub.canonical.CreditNote;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a credit note must be before it is written as X12, in whichever set (812, 810 CR): it names the invoice it
 * credits, its total is positive, every line credits a positive amount and, when it has lines, they add up to the
 * total to the cent. The customer's system checks the same and would refuse the document, days later.
 */
final class CreditNotes {

    private CreditNotes() {
    }

    /**
     * @param document what is written, for messages ("the credit note CN-1")
     * @throws IllegalArgumentException saying what is wrong
     */
    static void check(CreditNote note, String document) {
        if (note.invoiceNumber() == null || note.invoiceNumber().isBlank()) {
            throw new IllegalArgumentException(document + " names no invoice: a credit note credits one of our invoices");
        }
        if (note.total() == null || note.total().signum() <= 0) {
            throw new IllegalArgumentException(document + " has no positive total ("
                    + (note.total() == null ? "none" : note.total().toPlainString()) + "): the direction of the money is "
                    + "the document's, its amounts are positive");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (CreditNote.Line line : note.lines()) {
            if (line.amount() == null || line.amount().signum() <= 0) {
                throw new IllegalArgumentException(document + " line " + line.lineNumber() + " credits no positive amount");
            }
            if (line.quantity() != null && line.quantity().signum() <= 0) {
                throw new IllegalArgumentException(document + " line " + line.lineNumber() + " credits a quantity of "
                        + line.quantity().toPlainString() + ": a quantity credited is greater than zero, or left out");
            }
            if (line.unitPrice() != null && line.unitPrice().signum() < 0) {
                throw new IllegalArgumentException(document + " line " + line.lineNumber() + " has a negative price");
            }
            sum = sum.add(line.amount());
        }
        if (!note.lines().isEmpty() && sum.setScale(2, RoundingMode.HALF_UP)
                .compareTo(note.total().setScale(2, RoundingMode.HALF_UP)) != 0) {
            throw new IllegalArgumentException(document + " totals " + note.total().toPlainString() + " but its lines add "
                    + "up to " + sum.toPlainString() + ": the total of a credit note is the sum of its lines");
        }
    }
}
