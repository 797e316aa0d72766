package io.edihub.x12;

import java.util.ArrayList;
import java.util.List;

/**
 * A segment in error inside a transaction set: what goes into one AK3 and its AK4s.
 */
final class SegmentError {

    final String segmentId;
    final int position;
    final String loopId;
    /** AK304; null when the segment is reported without a syntax error code (a warning). */
    String syntaxCode;
    final List<ElementError> elements = new ArrayList<>();

    SegmentError(String segmentId, int position, String loopId) {
        this.segmentId = segmentId;
        this.position = position;
        this.loopId = loopId;
    }

    /** An AK4: position, component, data element reference number, AK403 code, the bad value. */
    record ElementError(int position, int component, String reference, String code, String badValue) {
    }
}
