package io.edihub.x12;

import io.edihub.canonical.PurchaseOrder;

/** What the 830 and 862 headings have in common: the purpose code and the CTT line count. */
final class ScheduleHeader {

    private ScheduleHeader() {
    }

    /** The purpose of BFR01 / BSS01, or null (the set rejected, AK403 7) for a code that is no purpose. */
    static PurchaseOrder.Purpose purpose(MappedSegment s, int element) {
        String code = s.get(element);
        if (code == null) {
            return null;
        }
        try {
            return PurchaseOrder.Purpose.fromX12(code);
        } catch (IllegalArgumentException e) {
            s.fail(element, "353", "7", code, "PURPOSE_NOT_SUPPORTED", String.format("%s%02d '%s' is not a purpose the hub "
                    + "knows (00 original, 01 cancellation, 04 change, 05 replace, 06 confirmation, 07 duplicate, 22 "
                    + "information copy)", s.tag, element, code));
            return null;
        }
    }

    /** A CTT01 that does not count the LIN loops is a warning: the schedule is taken as its lines say. */
    static void checkLineCount(TransactionResult tx, Integer declared, int ctPosition, int lines) {
        if (declared != null && declared != lines) {
            SegmentError segment = tx.segment("CTT", ctPosition, "CTT");
            segment.elements.add(new SegmentError.ElementError(1, 0, "354", "7", declared.toString()));
            tx.warn(new X12Error("CTT", ctPosition, 1, "LINE_COUNT_MISMATCH", "CTT01 says " + declared
                    + " line items, the schedule has " + lines + "; it is taken as its LIN loops say"));
        }
    }
}
