package io.edihub.canonical;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A planning schedule against a blanket order (X12 830): per part, firm requirements the customer will take as
 * releases and planning quantities that are forecasts only, with its cumulative receipts and resource authorizations.
 *
 * @param partnerId          the trading partner
 * @param scheduleId         the customer's number for the schedule (BFR02)
 * @param releaseNumber      the release number (BFR03), if any
 * @param purpose            BFR01: original, change (04, net change), replace, cancellation ...
 * @param scheduleType       BFR04 as sent: DL delivery based, SH shipment based, ...
 * @param quantityQualifier  BFR05 as sent: A actual discrete quantities, C cumulative quantities, ...
 * @param horizonStart       BFR06: the first day the schedule covers
 * @param horizonEnd         BFR07: the last day it covers, if sent (mandatory before 004010)
 * @param generatedDate      BFR08: when the customer generated it
 * @param contractNumber     BFR10, if any
 * @param blanketPoNumber    the blanket order it schedules: BFR11, else the heading's REF*PO; null only when each line
 *                           names its own
 * @param lines              the parts scheduled (LIN loops)
 * @param source             where the document came from
 */
public record PlanningSchedule(
        String partnerId,
        String scheduleId,
        String releaseNumber,
        PurchaseOrder.Purpose purpose,
        String scheduleType,
        String quantityQualifier,
        LocalDate horizonStart,
        LocalDate horizonEnd,
        LocalDate generatedDate,
        String contractNumber,
        String blanketPoNumber,
        List<ScheduleItem> lines,
        PurchaseOrder.SourceDocument source) {

    public PlanningSchedule {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(horizonStart, "horizonStart");
        lines = List.copyOf(lines);
    }
}
