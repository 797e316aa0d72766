package io.edihub.x12;

import io.edihub.canonical.Acceptance;
import io.edihub.canonical.PurchaseOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps the segments of one 861 receiving advice / acceptance certificate, as they stream by, to canonical
 * {@link Acceptance}s: one per release the set judges. BRA gives the acceptance id and date; every RCD loop
 * judges one order line of one release, named by a PRF in the loop or, failing that, by the one PRF of the
 * heading. StAEDI has already checked structure, lengths and data types against the 861 schema; this class
 * adds what the hub needs to invoice only what was accepted, and reports it with AK3/AK4 codes.
 *
 * <p>Quantities (004010 RCD): RCD02 accepted, RCD04 returned, RCD06 plus the further quantities in question
 * (RCD09, RCD12, RCD15, RCD18) disputed, RCD08 the receiving condition. The PO line is LIN01 of the loop:
 * RCD01 is, by X12's own note, the receiving advice's line id, so it stands in only when the loop has no
 * LIN01 (a customer that numbers its receiving lines by our PO lines).
 */
final class ReceivingAdvice861Mapper {

    /** The quantities in question after RCD06, each followed by its unit (C001) and its condition code. */
    private static final int[] MORE_IN_QUESTION = {9, 12, 15, 18};

    private final String partnerId;
    private final String interchangeControlNumber;
    private final String groupControlNumber;
    private final String transactionControlNumber;

    private String acceptanceId;
    private LocalDate acceptedOn;
    private final List<ReleaseRef> headingReferences = new ArrayList<>();
    /** A PRF was unusable: the set is rejected for it already, a line without reference need not say so again. */
    private boolean referenceRefused;
    private final Map<ReleaseRef, ReleaseLines> releases = new LinkedHashMap<>();
    private Item item;
    private int items;
    private Integer declaredLineCount;
    private int cttPosition;
    private int lastPosition;

    ReceivingAdvice861Mapper(String partnerId, String interchangeControlNumber, String groupControlNumber,
            String transactionControlNumber) {
        this.partnerId = partnerId;
        this.interchangeControlNumber = interchangeControlNumber;
        this.groupControlNumber = groupControlNumber;
        this.transactionControlNumber = transactionControlNumber;
    }

    void segment(String tag, int position, String[] v, int count, TransactionResult tx) {
        lastPosition = position;
        MappedSegment s = new MappedSegment(tag, position, v, count, tx);
        switch (tag) {
            case "BRA" -> bra(s);
            case "PRF" -> prf(s);
            case "RCD" -> rcd(s);
            case "LIN" -> lin(s);
            case "CTT" -> {
                flushItem(tx);
                declaredLineCount = s.integer(1, "354");
                cttPosition = position;
            }
            default -> {
                // validated against the schema, not part of an acceptance
            }
        }
    }

    private void bra(MappedSegment s) {
        acceptanceId = s.get(1);
        acceptedOn = s.date(2, "373");
        String purpose = s.get(3);
        if (purpose != null && !"00".equals(purpose)) {
            s.fail(3, "353", "7", purpose, "PURPOSE_NOT_SUPPORTED", "BRA03 '" + purpose + "'" + purposeName(purpose)
                    + ": the hub takes original receiving advices (00) only; an acceptance once taken is invoiced "
                    + "and is not changed, replaced or cancelled by a later 861");
        }
        // BRA04 (receiving advice or acceptance certificate type) is taken as sent: the hub reads RCD02 as
        // the accepted quantity whatever the type
    }

    private static String purposeName(String code) {
        try {
            return " (" + PurchaseOrder.Purpose.fromX12(code).name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")";
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private void prf(MappedSegment s) {
        String po = s.get(1);
        String release = s.get(2);
        if (po == null) {
            // PRF01 is mandatory: StAEDI has rejected the set already
            referenceRefused = true;
            return;
        }
        if (release == null) {
            referenceRefused = true;
            s.fail(2, "328", "1", null, "RELEASE_MISSING", "PRF02 (release number) is missing for PO " + po
                    + ": the hub needs the release the goods were shipped under (as on our 856, like " + po
                    + "-01) and never guesses it");
            return;
        }
        ReleaseRef ref = new ReleaseRef(po, release);
        if (item == null) {
            headingReferences.add(ref);
        } else if (item.reference == null) {
            item.reference = ref;
        } else if (!item.reference.equals(ref)) {
            s.fail(2, "328", "7", release, "SECOND_RELEASE_IN_LINE", "the RCD loop at segment " + item.position
                    + " already names release " + item.reference.releaseId() + " of PO " + item.reference.poNumber()
                    + ": one RCD judges the goods of one release, send one RCD loop per release");
        }
    }

    private void rcd(MappedSegment s) {
        flushItem(s.tx);
        items++;
        Item i = new Item(s.position, s.get(1));
        i.accepted = notNegative(s, 2, "663");
        i.returned = notNegative(s, 4, "664");
        BigDecimal disputed = notNegative(s, 6, "667");
        String condition = s.get(8);
        for (int q : MORE_IN_QUESTION) {
            BigDecimal more = notNegative(s, q, "667");
            if (more != null) {
                disputed = disputed == null ? more : disputed.add(more);
            }
            if (condition == null) {
                condition = s.get(q + 2);
            }
        }
        i.disputed = disputed;
        i.condition = condition;
        i.unit = unit(s);
        item = i;
    }

    private static BigDecimal notNegative(MappedSegment s, int element, String reference) {
        BigDecimal quantity = s.decimal(element, reference);
        if (quantity != null && quantity.signum() < 0) {
            s.fail(element, reference, "6", s.get(element), "QUANTITY_NEGATIVE", String.format(
                    "%s%02d '%s': quantity must not be negative (a receiving advice reports returned and disputed units "
                            + "in their own elements)", s.tag, element, s.get(element)));
            return null;
        }
        return quantity;
    }

    /**
     * The unit of the line: the canonical line has one, so every quantity of the RCD must be in it (each
     * quantity has its own C001 in X12; only its first component, the unit code, reaches the mapper).
     */
    private static String unit(MappedSegment s) {
        String unit = null;
        int unitAt = 0;
        for (int element : new int[] {3, 5, 7, 10, 13, 16, 19}) {
            String u = s.get(element);
            if (u == null) {
                continue;
            }
            if (unit == null) {
                unit = u;
                unitAt = element;
            } else if (!unit.equals(u)) {
                s.fail(element, "355", "7", u, "UNIT_MISMATCH", String.format("RCD%02d unit '%s' differs from RCD%02d "
                        + "unit '%s': the hub records one unit per line, send every quantity of the line in it",
                        element, u, unitAt, unit));
            }
        }
        return unit;
    }

    private void lin(MappedSegment s) {
        if (item == null || !s.has(1)) {
            return;
        }
        if (item.lineNumber == null) {
            item.lineNumber = s.get(1);
            item.linPosition = s.position;
        } else if (!item.lineNumber.equals(s.get(1))) {
            s.fail(1, "350", "7", s.get(1), "SECOND_LINE_IN_ITEM", "LIN01 '" + s.get(1) + "' differs from LIN01 '"
                    + item.lineNumber + "' of the same RCD loop (segment " + item.linPosition + "): one RCD judges one "
                    + "order line");
        }
    }

    /** Files the RCD loop read so far under its release, once the loop is over. */
    private void flushItem(TransactionResult tx) {
        Item i = item;
        item = null;
        if (i == null) {
            return;
        }
        String lineNumber = i.lineNumber != null ? i.lineNumber : i.assignedId;
        if (lineNumber == null) {
            tx.rejectElement("RCD", i.position, 1, "350", "1", null, "LINE_NUMBER_MISSING", "the RCD loop at segment "
                    + i.position + " names no order line: LIN01 (the PO line number) or RCD01 is required");
            return;
        }
        ReleaseRef ref = i.reference != null ? i.reference : headingReference(tx, i);
        if (ref == null) {
            return;
        }
        ReleaseLines lines = releases.computeIfAbsent(ref, k -> new ReleaseLines());
        if (!lines.numbers.add(lineNumber)) {
            tx.rejectElement("RCD", i.position, 1, "350", "7", lineNumber, "DUPLICATE_LINE", "line " + lineNumber
                    + " of release " + ref.releaseId() + " is judged twice in this set: one RCD loop per order line "
                    + "and release, or the hub could not tell which verdict counts");
            return;
        }
        lines.lines.add(new Acceptance.Line(lineNumber, i.accepted, i.returned, i.disputed, i.unit, i.condition, null));
    }

    /** The release of an RCD loop without its own PRF: the heading's, when it names exactly one. */
    private ReleaseRef headingReference(TransactionResult tx, Item i) {
        List<ReleaseRef> distinct = headingReferences.stream().distinct().toList();
        if (distinct.size() == 1) {
            return distinct.get(0);
        }
        if (distinct.isEmpty() && referenceRefused) {
            return null;
        }
        // reported as the PRF missing from the loop: adding one there is what the sender must do
        SegmentError missing = tx.segment("PRF", i.position, "RCD_D");
        missing.syntaxCode = "3";
        tx.reject(null, distinct.isEmpty()
                ? new X12Error("PRF", i.position, null, "RELEASE_REFERENCE_MISSING", "the RCD loop at segment "
                        + i.position + " has no purchase order reference (PRF), and neither has the heading: the "
                        + "release the goods were shipped under is required, the hub never guesses it")
                : new X12Error("PRF", i.position, null, "RELEASE_AMBIGUOUS", "the heading names " + distinct.size()
                        + " releases (" + String.join(", ", distinct.stream().map(ReleaseRef::releaseId).toList())
                        + ") and the RCD loop at segment " + i.position + " none: add a PRF to the loop to say which "
                        + "release the line belongs to"));
        return null;
    }

    /**
     * Finishes the set after SE: one acceptance per release, in the order the releases were first named.
     * Empty when the set is rejected (the reason is on the set).
     */
    List<Acceptance> build(TransactionResult tx) {
        flushItem(tx);
        if (items == 0 && tx.status() != TransactionResult.Status.REJECTED) {
            // SE follows the last segment read: where the missing RCD loop should have been
            int at = lastPosition + 1;
            SegmentError missing = tx.segment("RCD", at, null);
            missing.syntaxCode = "3";
            tx.reject(null, new X12Error("RCD", at, null, "NO_LINES", "the set has no RCD loop: it judges no goods, "
                    + "so there is nothing to accept or invoice (the hub never assumes a whole release was accepted)"));
        }
        if (tx.status() == TransactionResult.Status.REJECTED || acceptanceId == null || acceptedOn == null) {
            return List.of();
        }
        if (declaredLineCount != null && declaredLineCount != items) {
            SegmentError segment = tx.segment("CTT", cttPosition, null);
            segment.elements.add(new SegmentError.ElementError(1, 0, "354", "7", declaredLineCount.toString()));
            tx.warn(new X12Error("CTT", cttPosition, 1, "LINE_COUNT_MISMATCH", "CTT01 says " + declaredLineCount
                    + " line items, the set has " + items + " RCD loops; the acceptance is taken as its RCD loops say"));
        }
        PurchaseOrder.SourceDocument source = new PurchaseOrder.SourceDocument("X12-861", null, null,
                interchangeControlNumber, groupControlNumber, transactionControlNumber);
        List<Acceptance> acceptances = new ArrayList<>();
        releases.forEach((ref, lines) -> acceptances.add(new Acceptance(partnerId, acceptanceId, ref.poNumber(),
                ref.releaseId(), acceptedOn, false, lines.lines, source)));
        return acceptances;
    }

    /** A PRF: the PO and the release it names; the key that groups lines into acceptances. */
    private record ReleaseRef(String poNumber, String releaseId) {
    }

    private static final class ReleaseLines {

        final List<Acceptance.Line> lines = new ArrayList<>();
        final Set<String> numbers = new HashSet<>();
    }

    /** One RCD loop while it is read. */
    private static final class Item {

        final int position;
        final String assignedId;
        BigDecimal accepted;
        BigDecimal returned;
        BigDecimal disputed;
        String unit;
        String condition;
        String lineNumber;
        int linPosition;
        ReleaseRef reference;

        Item(int position, String assignedId) {
            this.position = position;
            this.assignedId = assignedId;
        }
    }
}
