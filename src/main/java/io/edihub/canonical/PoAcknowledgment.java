package io.edihub.canonical;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Our answer to a purchase order or change after the contract check: the content of an X12 855 (BAK,
 * PO1 + ACK per line) or its JSON equivalent.
 *
 * @param partnerId      the customer
 * @param poNumber       the order (BAK03)
 * @param releaseNumber  the customer's release number (BAK05), if any
 * @param purpose        the purpose of what we answer: original, change, cancellation (BAK01)
 * @param type           how we answer (BAK02)
 * @param orderDate      the PO date (BAK04)
 * @param date           the date of our answer (BAK09)
 * @param contractNumber the customer contract the order was checked against (REF CT), if any
 * @param supplierNumber our supplier number at the customer (REF VR / N1 SU), if any
 * @param currency       the order currency
 * @param lines          one entry per order line
 */
public record PoAcknowledgment(String partnerId, String poNumber, String releaseNumber, PurchaseOrder.Purpose purpose,
        Type type, LocalDate orderDate, LocalDate date, String contractNumber, String supplierNumber, String currency,
        List<LineAck> lines) {

    public PoAcknowledgment {
        Objects.requireNonNull(poNumber, "poNumber");
        Objects.requireNonNull(type, "type");
        lines = List.copyOf(lines);
    }

    /** BAK02. */
    public enum Type {
        /** acknowledge, with detail, no change */
        AD,
        /** acknowledge, with detail and change */
        AC,
        /** rejected with detail */
        RD,
        /** rejected, no detail */
        RJ
    }

    /**
     * One line as we take it.
     *
     * @param lineNumber the customer's line number (PO101)
     * @param buyerPart  the customer's part
     * @param vendorPart our part
     * @param quantity   the quantity as ordered (PO102)
     * @param unit       its unit
     * @param unitPrice  the price we will bill: the contract price where the contract has one (PO104)
     * @param status     ACK01
     * @param note       why, in words, when the status is not IA
     * @param schedule   the schedule we confirm, one ACK each (ACK02 quantity, ACK05 date)
     * @param description the item's description as ordered (855 PID), if any
     */
    public record LineAck(String lineNumber, String buyerPart, String vendorPart, BigDecimal quantity, String unit,
            BigDecimal unitPrice, LineStatus status, String note, List<ScheduleLine> schedule, String description) {

        public LineAck {
            Objects.requireNonNull(lineNumber, "lineNumber");
            Objects.requireNonNull(status, "status");
            schedule = List.copyOf(schedule);
        }
    }

    /** ACK01 line item status codes the hub uses. */
    public enum LineStatus {
        /** item accepted */
        IA,
        /** item accepted, price changed (to the contract price) */
        IP,
        /** item accepted, quantity changed */
        IQ,
        /** item rejected */
        IR,
        /** item rejected, not a contract item */
        R1,
        /** item accepted, date rescheduled */
        DR
    }
}
