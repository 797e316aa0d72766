package io.edihub.x12;

import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.ShippingSchedule;
import java.time.LocalDate;

/**
 * Maps the segments of one 862 transaction set, as they stream by, to a canonical {@link ShippingSchedule}: BSS
 * (purpose, schedule id, issue date, schedule type, horizon, release, planning schedule reference, contract, PO,
 * quantity qualifier), then per LIN loop the part, unit, requirements (FST) and shipped / received quantities (SHP),
 * and CTT. The checks are the 830's (see {@link PlanningSchedule830Mapper}), on BSS05 to BSS06 as the horizon and BSS10
 * or each line's REF*PO as the blanket order. An 862 authorizes nothing: its lines carry no authorizations.
 *
 * <p>Not yet taken by the intake: the reader answers an 862 as a set it does not support until the next step applies
 * schedules against blanket orders.
 */
final class ShippingSchedule862Mapper {

    private final String partnerId;
    private final String interchangeControlNumber;
    private final String groupControlNumber;
    private final String transactionControlNumber;

    private final ScheduleLines lines = new ScheduleLines("BSS05 to BSS06");
    private int bssPosition;
    private PurchaseOrder.Purpose purpose;
    private String scheduleId;
    private LocalDate issueDate;
    private String scheduleType;
    private LocalDate horizonStart;
    private LocalDate horizonEnd;
    private String releaseNumber;
    private String planningReference;
    private String contractNumber;
    private String poNumber;
    private String quantityQualifier;
    private Integer declaredLineCount;
    private int ctPosition;

    ShippingSchedule862Mapper(String partnerId, String interchangeControlNumber, String groupControlNumber,
            String transactionControlNumber) {
        this.partnerId = partnerId;
        this.interchangeControlNumber = interchangeControlNumber;
        this.groupControlNumber = groupControlNumber;
        this.transactionControlNumber = transactionControlNumber;
    }

    void segment(String tag, int position, String[] v, int count, TransactionResult tx) {
        MappedSegment s = new MappedSegment(tag, position, v, count, tx);
        if ("BSS".equals(tag)) {
            bss(s);
        } else if ("CTT".equals(tag)) {
            declaredLineCount = s.integer(1, "354");
            ctPosition = position;
        } else if ("LIN".equals(tag) || lines.inLines()) {
            lines.segment(s);
        }
    }

    private void bss(MappedSegment s) {
        bssPosition = s.position;
        purpose = ScheduleHeader.purpose(s, 1);
        scheduleId = s.get(2);
        issueDate = s.date(3, "373");
        scheduleType = s.get(4);
        horizonStart = s.date(5, "373");
        horizonEnd = s.date(6, "373");
        releaseNumber = s.get(7);
        planningReference = s.get(8);
        contractNumber = s.get(9);
        poNumber = s.get(10);
        quantityQualifier = s.get(11);
        if (horizonStart != null && horizonEnd != null && horizonEnd.isBefore(horizonStart)) {
            s.fail(6, "373", "8", s.get(6), "HORIZON_END_BEFORE_START", "BSS06 " + horizonEnd + " (horizon end) is before "
                    + "BSS05 " + horizonStart + " (horizon start): the schedule covers no day");
            horizonEnd = null;
        }
        lines.horizon(horizonStart, horizonEnd);
    }

    /** Finishes the schedule after SE. Returns null (and rejects the set) where it cannot be applied. */
    ShippingSchedule build(TransactionResult tx) {
        if (poNumber == null && !lines.everyLineNamesItsOrder() && bssPosition > 0) {
            tx.rejectElement("BSS", bssPosition, 10, "324", "2", null, "BLANKET_PO_MISSING", "the schedule names no "
                    + "blanket order: neither BSS10 nor a REF*PO in every LIN loop; the hub schedules against a blanket "
                    + "order on file");
        }
        if (tx.status() == TransactionResult.Status.REJECTED || purpose == null || horizonStart == null
                || horizonEnd == null) {
            return null;
        }
        ScheduleHeader.checkLineCount(tx, declaredLineCount, ctPosition, lines.count());
        PurchaseOrder.SourceDocument source = new PurchaseOrder.SourceDocument("X12-862", null, null,
                interchangeControlNumber, groupControlNumber, transactionControlNumber);
        return new ShippingSchedule(partnerId, scheduleId, issueDate, purpose, scheduleType, horizonStart, horizonEnd,
                releaseNumber, planningReference, contractNumber, poNumber, quantityQualifier, lines.items(poNumber), source);
    }
}
