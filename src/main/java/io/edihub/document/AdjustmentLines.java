package io.edihub.document;

import io.edihub.canonical.Adjustment;
import io.edihub.canonical.InputError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of one adjustment as a reader finds them, with the rules the JSON and the CSV format share with the X12
 * 812 reader: an invoice line is adjusted once, a line states a quantity or an amount greater than zero, and when
 * every line states an amount they add up to the adjustment's amount.
 */
final class AdjustmentLines {

    /** Amounts are money: cents at most. */
    static final int AMOUNT_DECIMALS = 2;

    private final String adjustmentNumber;
    private final Map<String, String> listedAt = new HashMap<>();
    private final List<Adjustment.Line> lines = new ArrayList<>();
    private boolean everyLineHasAmount = true;
    private BigDecimal total = BigDecimal.ZERO;

    AdjustmentLines(String adjustmentNumber) {
        this.adjustmentNumber = adjustmentNumber;
    }

    /**
     * Adds a line.
     *
     * @param line     the line as read; null when one of its values was wrong (and said so), so that only its line
     *                 number counts
     * @param numberAt where its line number is, for an error about it
     * @param lineAt   where the line is ({@code /lines/2}, {@code row 4}), for an error about all of it
     */
    void add(String lineNumber, Adjustment.Line line, String numberAt, String lineAt, InputErrors errors) {
        String first = listedAt.putIfAbsent(lineNumber, lineAt);
        if (first != null) {
            errors.add(new InputError(numberAt, "DUPLICATE_LINE_NUMBER", "line " + lineNumber + " of adjustment "
                    + adjustmentNumber + " is adjusted twice (first at " + first + "): an invoice line is adjusted once"));
            return;
        }
        if (line == null) {
            everyLineHasAmount = false;
            return;
        }
        boolean noQuantity = line.quantity() == null || line.quantity().signum() == 0;
        boolean noAmount = line.amount() == null || line.amount().signum() == 0;
        if (noQuantity && noAmount) {
            errors.add(new InputError(lineAt, "EMPTY_LINE", "line " + lineNumber + " adjusts nothing: a line states a "
                    + "quantity or an amount greater than zero"));
            everyLineHasAmount = false;
            return;
        }
        if (line.amount() == null) {
            everyLineHasAmount = false;
        } else {
            total = total.add(line.amount());
        }
        lines.add(line);
    }

    /** The lines, once every one was added; an error at {@code amountAt} when their amounts do not add up. */
    List<Adjustment.Line> lines(BigDecimal amount, String amountAt, InputErrors errors) {
        if (amount != null && everyLineHasAmount && !lines.isEmpty() && total.compareTo(amount) != 0) {
            errors.add(new InputError(amountAt, "AMOUNT_MISMATCH", "the adjustment asks " + amount.toPlainString()
                    + " but its lines add up to " + total.toPlainString() + ": the amount is the sum of the lines"));
        }
        return List.copyOf(lines);
    }

    /** The error for an amount with more decimals than money has. */
    static InputError tooPrecise(String at, String shown) {
        return new InputError(at, "BAD_NUMBER", shown + " has more than " + AMOUNT_DECIMALS + " decimal places: an "
                + "amount of money is in cents at most");
    }
}
