package io.edihub.canonical;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * All schedule lines of one PO due in one calendar month: what fulfillment is asked to ship together.
 *
 * @param releaseId the PO number, '-', and the month extension ({@code 4500012345-03})
 * @param poNumber  the order
 * @param month     the delivery month
 * @param lines     the quantities due that month, per order line
 * @param status    where the release stands
 */
public record Release(String releaseId, String poNumber, YearMonth month, List<ReleaseLine> lines, Status status) {

    public Release {
        lines = List.copyOf(lines);
    }

    /** The value of the release at the prices on the order lines. */
    public BigDecimal value() {
        return lines.stream().map(ReleaseLine::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * One order line's share of a release; a line with two schedule dates in one month has two entries.
     */
    public record ReleaseLine(String lineNumber, String buyerPart, String vendorPart, BigDecimal quantity,
            String unit, BigDecimal unitPrice, LocalDate dueDate) {

        public BigDecimal value() {
            return unitPrice == null ? BigDecimal.ZERO : unitPrice.multiply(quantity);
        }
    }

    /** DESIGN §4 release status. */
    public enum Status {
        PLANNED, HELD, DISPATCHED, PARTIALLY_SHIPPED, SHIPPED, PARTIALLY_ACCEPTED, ACCEPTED, REJECTED, INVOICED,
        CLOSED, CANCELLED
    }
}
