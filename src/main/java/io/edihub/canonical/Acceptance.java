package io.edihub.canonical;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The customer's verdict on the goods of one release: per order line what it accepted, returned and
 * disputes. Only accepted quantities are ever invoiced; returned and disputed ones become claims.
 *
 * @param partnerId    the customer
 * @param acceptanceId the customer's id for the receiving advice or acceptance certificate (BRA01, the
 *                     JSON {@code acceptanceId}, the CSV {@code acceptance_id}); with the release it makes
 *                     the acceptance idempotent
 * @param poNumber     the purchase order
 * @param releaseId    the release the goods were shipped under ({@code 4500012345-03})
 * @param acceptedOn   the day the customer accepted (BRA02)
 * @param implicit     true when the hub recorded it because the partner's acceptance period passed in silence
 * @param lines        one entry per order line judged
 * @param source       the document it came in
 */
public record Acceptance(String partnerId, String acceptanceId, String poNumber, String releaseId, LocalDate acceptedOn,
        boolean implicit, List<Line> lines, PurchaseOrder.SourceDocument source) {

    public Acceptance {
        Objects.requireNonNull(acceptanceId, "acceptanceId");
        Objects.requireNonNull(releaseId, "releaseId");
        lines = List.copyOf(lines);
    }

    /**
     * One order line of the release.
     *
     * @param lineNumber the PO line number (PO101 of the order)
     * @param accepted   quantity accepted: this is what gets invoiced
     * @param returned   quantity returned or rejected
     * @param disputed   quantity in question (neither accepted nor returned yet)
     * @param unit       the unit of measure, if given
     * @param condition  the customer's condition or reason code (RCD08 / {@code condition})
     * @param reason     the reason in words, if given
     */
    public record Line(String lineNumber, BigDecimal accepted, BigDecimal returned, BigDecimal disputed, String unit,
            String condition, String reason) {

        public Line {
            accepted = accepted == null ? BigDecimal.ZERO : accepted;
            returned = returned == null ? BigDecimal.ZERO : returned;
            disputed = disputed == null ? BigDecimal.ZERO : disputed;
        }

        /** Everything the customer did not accept: returned and disputed. */
        public BigDecimal rejected() {
            return returned.add(disputed);
        }
    }
}
