package io.edihub.canonical;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A shipping schedule (X12 862): precise ship or delivery dates and quantities that override, within its horizon,
 * the firm requirements of the planning schedule (830) before it. It authorizes no resources.
 *
 * @param partnerId         the trading partner
 * @param scheduleId        the customer's number for the schedule (BSS02)
 * @param issueDate         BSS03: the date of the schedule
 * @param purpose           BSS01
 * @param scheduleType      BSS04 as sent: DL delivery based, SH shipment based, ...
 * @param horizonStart      BSS05: the first day it covers
 * @param horizonEnd        BSS06: the last day it covers
 * @param releaseNumber     BSS07, if any
 * @param planningReference BSS08: the planning schedule it refers to, if any
 * @param contractNumber    BSS09, if any
 * @param blanketPoNumber   BSS10; null when each line names its own (REF*PO in its LIN loop)
 * @param quantityQualifier BSS11 as sent, if any
 * @param lines             the parts scheduled (LIN loops); their authorizations are always empty
 * @param source            where the document came from
 */
public record ShippingSchedule(
        String partnerId,
        String scheduleId,
        LocalDate issueDate,
        PurchaseOrder.Purpose purpose,
        String scheduleType,
        LocalDate horizonStart,
        LocalDate horizonEnd,
        String releaseNumber,
        String planningReference,
        String contractNumber,
        String blanketPoNumber,
        String quantityQualifier,
        List<ScheduleItem> lines,
        PurchaseOrder.SourceDocument source) {

    public ShippingSchedule {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(horizonStart, "horizonStart");
        Objects.requireNonNull(horizonEnd, "horizonEnd");
        lines = List.copyOf(lines);
    }
}
