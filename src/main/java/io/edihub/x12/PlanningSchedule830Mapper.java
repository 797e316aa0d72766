package io.edihub.x12;

import io.edihub.canonical.PlanningSchedule;
import io.edihub.canonical.PurchaseOrder;
import java.time.LocalDate;

/**
 * Maps the segments of one 830 transaction set, as they stream by, to a canonical {@link PlanningSchedule}: BFR
 * (purpose, schedule id, release, schedule type and quantity qualifier, horizon, generated date, contract, PO), the
 * heading's REF*PO, then per LIN loop the part, unit, requirements (FST, in the FST or the SDP loop), cumulative
 * receipts (SHP) and authorizations (ATH), and CTT. StAEDI has already checked structure, lengths and data types
 * against the 830 schema of the group's release; this class adds what a schedule needs to be applied against a
 * blanket order, reported with AK3/AK4 codes like {@link PurchaseOrderChange860Mapper}: a horizon that ends before
 * it starts (BFR07, AK403 8), a schedule that names no blanket order (BFR11, 2) and, through {@link ScheduleLines},
 * negative quantities, FST02 codes it does not take, FST dates outside the horizon and overlapping FST periods.
 *
 * <p>Not yet taken by the intake: the reader answers an 830 as a set it does not support until the next step applies
 * schedules against blanket orders.
 */
final class PlanningSchedule830Mapper {

    private final String partnerId;
    private final String interchangeControlNumber;
    private final String groupControlNumber;
    private final String transactionControlNumber;

    private final ScheduleLines lines = new ScheduleLines("BFR06 to BFR07");
    private int bfrPosition;
    private PurchaseOrder.Purpose purpose;
    private String scheduleId;
    private String releaseNumber;
    private String scheduleType;
    private String quantityQualifier;
    private LocalDate horizonStart;
    private LocalDate horizonEnd;
    private LocalDate generatedDate;
    private String contractNumber;
    private String poNumber;
    private String headingPoReference;
    private boolean inHeadingParty;
    private Integer declaredLineCount;
    private int ctPosition;

    PlanningSchedule830Mapper(String partnerId, String interchangeControlNumber, String groupControlNumber,
            String transactionControlNumber) {
        this.partnerId = partnerId;
        this.interchangeControlNumber = interchangeControlNumber;
        this.groupControlNumber = groupControlNumber;
        this.transactionControlNumber = transactionControlNumber;
    }

    void segment(String tag, int position, String[] v, int count, TransactionResult tx) {
        MappedSegment s = new MappedSegment(tag, position, v, count, tx);
        if (lines.inLines()) {
            if ("CTT".equals(tag)) {
                declaredLineCount = s.integer(1, "354");
                ctPosition = position;
            } else {
                lines.segment(s);
            }
            return;
        }
        switch (tag) {
            case "BFR" -> bfr(s);
            case "N1" -> inHeadingParty = true;
            case "REF" -> {
                if (!inHeadingParty && "PO".equals(s.get(1)) && headingPoReference == null) {
                    headingPoReference = s.get(2);
                }
            }
            case "LIN" -> lines.segment(s);
            default -> {
                // validated against the schema, not part of the schedule
            }
        }
    }

    private void bfr(MappedSegment s) {
        bfrPosition = s.position;
        purpose = ScheduleHeader.purpose(s, 1);
        scheduleId = s.get(2);
        releaseNumber = s.get(3);
        scheduleType = s.get(4);
        quantityQualifier = s.get(5);
        horizonStart = s.date(6, "373");
        horizonEnd = s.date(7, "373");
        generatedDate = s.date(8, "373");
        contractNumber = s.get(10);
        poNumber = s.get(11);
        if (horizonStart != null && horizonEnd != null && horizonEnd.isBefore(horizonStart)) {
            s.fail(7, "373", "8", s.get(7), "HORIZON_END_BEFORE_START", "BFR07 " + horizonEnd + " (horizon end) is before "
                    + "BFR06 " + horizonStart + " (horizon start): the schedule covers no day");
            horizonEnd = null;
        }
        lines.horizon(horizonStart, horizonEnd);
    }

    /** Finishes the schedule after SE. Returns null (and rejects the set) where it cannot be applied. */
    PlanningSchedule build(TransactionResult tx) {
        String blanketPo = poNumber != null ? poNumber : headingPoReference;
        if (blanketPo == null && !lines.everyLineNamesItsOrder() && bfrPosition > 0) {
            tx.rejectElement("BFR", bfrPosition, 11, "324", "2", null, "BLANKET_PO_MISSING", "the schedule names no "
                    + "blanket order: neither BFR11, nor a REF*PO in the heading, nor one in every LIN loop; the hub "
                    + "schedules against a blanket order on file");
        }
        if (tx.status() == TransactionResult.Status.REJECTED || purpose == null || horizonStart == null) {
            return null;
        }
        ScheduleHeader.checkLineCount(tx, declaredLineCount, ctPosition, lines.count());
        PurchaseOrder.SourceDocument source = new PurchaseOrder.SourceDocument("X12-830", null, null,
                interchangeControlNumber, groupControlNumber, transactionControlNumber);
        return new PlanningSchedule(partnerId, scheduleId, releaseNumber, purpose, scheduleType, quantityQualifier,
                horizonStart, horizonEnd, generatedDate, contractNumber, blanketPo, lines.items(blanketPo), source);
    }
}
