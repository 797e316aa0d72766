package io.edihub.canonical;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Changes to some lines of an order on file: an X12 860 (BCH + POC), or a JSON / CSV order with
 * {@code purpose: change}. Lines not named stay as they are.
 *
 * @param partnerId     the trading partner
 * @param poNumber      the order changed (BCH03)
 * @param releaseNumber the customer's release number (BCH04), if any
 * @param purpose       {@link PurchaseOrder.Purpose#CHANGE} or {@link PurchaseOrder.Purpose#CANCELLATION} (BCH01)
 * @param revision      the change sequence (BCH05) or JSON/CSV {@code revision}, if any
 * @param changeDate    the date of the change request (BCH11, else BCH06)
 * @param lines         what happens to which line
 * @param source        where the document came from
 */
public record OrderChange(
        String partnerId,
        String poNumber,
        String releaseNumber,
        PurchaseOrder.Purpose purpose,
        String revision,
        LocalDate changeDate,
        List<LineChange> lines,
        PurchaseOrder.SourceDocument source) implements OrderMessage {

    public OrderChange {
        Objects.requireNonNull(poNumber, "poNumber");
        Objects.requireNonNull(purpose, "purpose");
        lines = List.copyOf(lines);
    }

    /** The same change with another source document reference. */
    public OrderChange withSource(PurchaseOrder.SourceDocument newSource) {
        return new OrderChange(partnerId, poNumber, releaseNumber, purpose, revision, changeDate, lines, newSource);
    }

    /**
     * One line's change. Null fields are unchanged; an empty schedule keeps the schedule unless the
     * quantity changes (then the line's remaining schedule is the hub's to rebalance, which it refuses:
     * a quantity change must come with its schedule when the line has more than one date).
     *
     * @param lineNumber  the customer's line number (POC01)
     * @param action      what happens to the line
     * @param x12Code     the change type code as sent (POC02: AI, DI, PC, QI, QD, CA, RZ, ...), if X12
     * @param quantity    the line's new total quantity (POC03), or null
     * @param unit        unit of measure (POC05), or null
     * @param unitPrice   the new unit price (POC06), or null
     * @param buyerPart   the customer's part (for ADD; may identify the line otherwise)
     * @param vendorPart  our part
     * @param description free text
     * @param schedule    the line's new schedule (SCH in the POC loop), or empty
     */
    public record LineChange(String lineNumber, Action action, String x12Code, BigDecimal quantity, String unit,
            BigDecimal unitPrice, String buyerPart, String vendorPart, String description, List<ScheduleLine> schedule) {

        public LineChange {
            Objects.requireNonNull(lineNumber, "lineNumber");
            Objects.requireNonNull(action, "action");
            schedule = List.copyOf(schedule);
        }
    }

    /** What a line change does. */
    public enum Action {
        /** a new line (POC02 AI) */
        ADD,
        /** the line is withdrawn (POC02 DI) */
        DELETE,
        /** some of the line's quantity, price or schedule change (PC, QI, QD, CA, RZ, ...) */
        CHANGE,
        /** the line as sent is its new state, added if the order has no such line (JSON / CSV changes) */
        SET
    }
}
