package io.edihub.x12;

import java.util.ArrayList;
import java.util.List;

/**
 * A segment in error inside a transaction set: what goes into one AK3 and its AK4s.
 */
final class SegmentError {

    /** A 997's AK3 loop holds at most 99 AK4s (004010 and later): the elements past them are not kept. */
    static final int MAX_ELEMENT_ERRORS = 99;
    /** AK404 copies at most 99 characters of a bad value: more is not kept (an element may be megabytes long). */
    static final int MAX_BAD_VALUE_CHARS = 99;

    final String segmentId;
    final int position;
    final String loopId;
    /** AK304; null when the segment is reported without a syntax error code (a warning). */
    String syntaxCode;
    final List<ElementError> elements = new FirstElements();

    SegmentError(String segmentId, int position, String loopId) {
        this.segmentId = segmentId;
        this.position = position;
        this.loopId = loopId;
    }

    /** An AK4: position, component, data element reference number, AK403 code, the bad value (its first 99 characters). */
    record ElementError(int position, int component, String reference, String code, String badValue) {

        ElementError {
            if (badValue != null && badValue.length() > MAX_BAD_VALUE_CHARS) {
                badValue = badValue.substring(0, MAX_BAD_VALUE_CHARS);
            }
        }
    }

    /**
     * The element errors an AK3 loop can carry: the first {@link #MAX_ELEMENT_ERRORS}, of elements an AK401 can name
     * (positions 1 to 99). The others are dropped here; the set's errors in words still say what they were, up to
     * their own limit: what a segment of a million bad elements leaves.
     */
    private static final class FirstElements extends ArrayList<ElementError> {

        @Override
        public boolean add(ElementError e) {
            return size() < MAX_ELEMENT_ERRORS && e.position() <= 99 && super.add(e);
        }
    }
}
