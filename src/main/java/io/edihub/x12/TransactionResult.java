package io.edihub.x12;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The verdict on one transaction set (ST..SE): what its AK2 / AK3 / AK4 / AK5 say.
 */
public final class TransactionResult {

    /** ACCEPTED_WITH_ERRORS means taken as sent, with something the sender should fix noted. */
    public enum Status {
        ACCEPTED("A"), ACCEPTED_WITH_ERRORS("E"), REJECTED("R");

        final String ak5;

        Status(String ak5) {
            this.ak5 = ak5;
        }
    }

    private final String type;
    private final String controlNumber;
    private final String implementationReference;
    /**
     * The segments in error, in the order found; at most {@link #MAX_SEGMENT_ERRORS}. X12 sets no limit to a 997's
     * AK3s, but a hub must bound what it keeps: one set of millions of bad segments would otherwise take the heap.
     */
    final List<SegmentError> segmentErrors = new ArrayList<>();
    static final int MAX_SEGMENT_ERRORS = 1_000;
    /** The highest position among {@link #segmentErrors}: a segment past it is new without a search. */
    private int lastSegmentErrorPosition;
    /** Segments in error beyond {@link #MAX_SEGMENT_ERRORS}: counted, not kept (the report says how many). */
    private long segmentErrorsLeftOut;
    private int lastLeftOutPosition = -1;
    /** AK502..AK506 codes. */
    final List<String> ak5Codes = new ArrayList<>();
    /** What is wrong with the set, in words; at most {@link #MAX_ERRORS}, the rest counted. */
    final List<X12Error> errors = new ArrayList<>();
    static final int MAX_ERRORS = 1_000;
    private long errorsLeftOut;
    /** The loops read in the set, in the order they began; at most {@link #MAX_LOOPS}, for the 999's IK303 and CTX. */
    final ArrayList<Loop> loops = new ArrayList<>();
    static final int MAX_LOOPS = 100_000;
    private boolean rejected;
    private boolean warned;

    TransactionResult(String type, String controlNumber, String implementationReference) {
        this.type = type;
        this.controlNumber = controlNumber;
        this.implementationReference = implementationReference;
    }

    public String type() {
        return type;
    }

    public String controlNumber() {
        return controlNumber;
    }

    String implementationReference() {
        return implementationReference;
    }

    /**
     * The set's errors as kept, and when more were found than are kept, a last one saying how many were left out: the
     * report and the stored translation list the first {@link #MAX_ERRORS}, and the 997 the first
     * {@link #MAX_SEGMENT_ERRORS} segments in error (AK3).
     */
    public List<X12Error> errors() {
        if (errorsLeftOut == 0 && segmentErrorsLeftOut == 0) {
            return List.copyOf(errors);
        }
        List<X12Error> all = new ArrayList<>(errors);
        all.add(new X12Error("SE", null, null, "ERRORS_LEFT_OUT", String.format(Locale.ROOT,
                "%,d more errors in this set are not listed (the first %,d are), and %,d more segments in error are not "
                        + "in the acknowledgment's AK3s (the first %,d are): correct the ones listed and send the set again",
                errorsLeftOut, MAX_ERRORS, segmentErrorsLeftOut, MAX_SEGMENT_ERRORS)));
        return List.copyOf(all);
    }

    /**
     * Whether the set's verdict is full: as many segments in error as are kept. From then on what is found is only
     * counted, and a mapper need not keep what it keeps only to find more (an 850's line numbers): the set is
     * rejected, and its order is never built.
     */
    boolean verdictFull() {
        return segmentErrors.size() >= MAX_SEGMENT_ERRORS;
    }

    /** Errors found beyond {@link #MAX_ERRORS}, not kept. */
    long errorsLeftOut() {
        return errorsLeftOut;
    }

    /** Segments in error found beyond {@link #MAX_SEGMENT_ERRORS}, not in the acknowledgment. */
    long segmentErrorsLeftOut() {
        return segmentErrorsLeftOut;
    }

    public Status status() {
        if (rejected) {
            return Status.REJECTED;
        }
        return warned ? Status.ACCEPTED_WITH_ERRORS : Status.ACCEPTED;
    }

    void reject(String ak5Code, X12Error error) {
        rejected = true;
        if (ak5Code != null && !ak5Codes.contains(ak5Code) && ak5Codes.size() < 5) {
            ak5Codes.add(ak5Code);
        }
        if (error != null) {
            keep(error);
        }
    }

    void warn(X12Error error) {
        warned = true;
        keep(error);
    }

    private void keep(X12Error error) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(error);
        } else {
            errorsLeftOut++;
        }
    }

    /**
     * Rejects the whole set as one the receiving application does not take (AK5 code 1, transaction set not
     * supported), with the reason said at ST01: for a listener that has nowhere to hand the set's document.
     *
     * @param code    a stable name for the reason ({@code ADJUSTMENTS_NOT_TAKEN})
     * @param message why, in words the sender can act on
     */
    public void refuseAsNotSupported(String code, String message) {
        reject("1", new X12Error("ST", 1, 1, code, message));
    }

    /**
     * Rejects the set for one element: an AK3 for the segment (code 8) with an AK4 for the element.
     * Only the first error of an element is kept: one cause, one AK4.
     *
     * @param ak403 the element syntax error code (1 missing, 6 invalid character, 7 invalid value, 8 invalid date ...)
     */
    public void rejectElement(String segmentId, int position, int element, String reference, String ak403,
            String badValue, String code, String message) {
        SegmentError segment = segment(segmentId, position, null);
        for (SegmentError.ElementError e : segment.elements) {
            if (e.position() == element) {
                return;
            }
        }
        segment.syntaxCode = "8";
        segment.elements.add(new SegmentError.ElementError(element, 0, reference, ak403, badValue));
        reject(null, new X12Error(segmentId, position, element, code, message));
    }

    /** The loops the segment at this position was read in, outermost first (empty outside any). */
    /**
     * Drops the loops of a set without segment errors once it is read: they serve only to place an error (999 IK303 and
     * CTX), and what is kept per set until the trailers must stay small in a file of 40,000 sets.
     */
    void keepLoopsOnlyForErrors() {
        if (segmentErrors.isEmpty()) {
            loops.clear();
            loops.trimToSize();
        }
    }

    List<Loop> loopsAround(int position) {
        return loops.stream().filter(l -> l.startPosition > 0 && l.startPosition <= position && position <= l.endPosition)
                .toList();
    }

    /**
     * A loop of the set as read: its code in our schema ({@code PO1_D}), the segment that began it, that segment's
     * position in the set and its first element (the line number of a PO1, the party code of an N1), and the position
     * of its last segment once it has ended.
     */
    static final class Loop {
        final String code;
        String startTag;
        int startPosition;
        String startValue;
        int endPosition = Integer.MAX_VALUE;

        Loop(String code) {
            this.code = code;
        }

        /** The X12 loop id as the set's diagram names it (PO1, N1, SCH): our schema's code without its suffix. */
        String loopId() {
            String id = code == null ? "" : code.contains("_") ? code.substring(0, code.indexOf('_')) : code;
            return id.matches("[A-Z0-9]{1,4}") ? id : null;
        }
    }

    /**
     * The segment in error at this position, noted for the acknowledgment. Past {@link #MAX_SEGMENT_ERRORS} it is
     * counted and a note is returned that nothing keeps: its caller fills it in as usual.
     */
    SegmentError segment(String segmentId, int position, String loopId) {
        if (position <= lastSegmentErrorPosition) {
            // most errors come in the order of their segments; one at an earlier position (a mapper's, once the set
            // is read) is looked for, latest first
            for (int i = segmentErrors.size() - 1; i >= 0; i--) {
                SegmentError s = segmentErrors.get(i);
                if (s.position == position && s.segmentId.equals(segmentId)) {
                    return s;
                }
            }
        }
        SegmentError s = new SegmentError(segmentId, position, loopId);
        if (segmentErrors.size() < MAX_SEGMENT_ERRORS) {
            segmentErrors.add(s);
            lastSegmentErrorPosition = Math.max(lastSegmentErrorPosition, position);
        } else if (position != lastLeftOutPosition) {
            segmentErrorsLeftOut++;
            lastLeftOutPosition = position;
        }
        return s;
    }
}
