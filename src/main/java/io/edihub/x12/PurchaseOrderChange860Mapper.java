package io.edihub.x12;

import io.edihub.canonical.OrderChange.Action;
import io.edihub.canonical.OrderChange.LineChange;
import io.edihub.canonical.OrderChange;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.ScheduleLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps the segments of one 860 transaction set, as they stream by, to a canonical {@link OrderChange}:
 * BCH (purpose, PO, release, change sequence, dates), then per POC a {@link LineChange} with its PID
 * description and SCH schedule, and CTT. StAEDI has already checked structure, lengths and data types
 * against the 860 schema; this class adds the rules the hub needs to apply a change, and reports them
 * with AK3/AK4 codes like {@link PurchaseOrder850Mapper}. Header segments other than BCH (CUR, REF,
 * PER, DTM, N1 ...) are validated but not taken: the hub applies line changes only.
 */
final class PurchaseOrderChange860Mapper {

    /** Product id qualifiers as the 850 mapper reads them, so a change names parts the way its order did. */
    private static final Set<String> BUYER_PART = Set.of("BP", "IN", "CB", "PI");
    private static final Set<String> VENDOR_PART = Set.of("VP", "VN", "VA", "MG");

    private final String partnerId;
    private final String interchangeControlNumber;
    private final String groupControlNumber;
    private final String transactionControlNumber;

    private PurchaseOrder.Purpose purpose;
    private int bchPosition;
    private String poNumber;
    private String releaseNumber;
    private String revision;
    private LocalDate orderDate;
    private LocalDate changeRequestDate;
    private final List<LineChange> lines = new ArrayList<>();
    private final Set<String> lineNumbers = new HashSet<>();
    private Integer declaredLineCount;
    private int ctPosition;
    private LineBuilder line;

    PurchaseOrderChange860Mapper(String partnerId, String interchangeControlNumber, String groupControlNumber,
            String transactionControlNumber) {
        this.partnerId = partnerId;
        this.interchangeControlNumber = interchangeControlNumber;
        this.groupControlNumber = groupControlNumber;
        this.transactionControlNumber = transactionControlNumber;
    }

    void segment(String tag, int position, String[] v, int count, TransactionResult tx) {
        MappedSegment s = new MappedSegment(tag, position, v, count, tx);
        switch (tag) {
            case "BCH" -> bch(s);
            case "POC" -> poc(s);
            case "PID" -> {
                if (line != null && s.has(5)) {
                    line.description = line.description == null ? s.get(5) : line.description + " " + s.get(5);
                }
            }
            case "SCH" -> sch(s);
            case "CTT" -> {
                flushLine(tx);
                declaredLineCount = s.integer(1, "354");
                ctPosition = position;
            }
            default -> {
                // validated against the schema, not part of a line change
            }
        }
    }

    private void bch(MappedSegment s) {
        bchPosition = s.position;
        String code = s.get(1);
        if ("04".equals(code)) {
            purpose = PurchaseOrder.Purpose.CHANGE;
        } else if ("01".equals(code)) {
            purpose = PurchaseOrder.Purpose.CANCELLATION;
        } else if (code != null) {
            s.fail(1, "353", "7", code, "PURPOSE_NOT_SUPPORTED", "BCH01 '" + code + "'" + purposeName(code)
                    + ": an 860 changes (04) or cancels (01) an order on file; anything else is not taken"
                    + ("00".equals(code) || "05".equals(code) ? " (send a new or replacing order as an 850)" : ""));
        }
        poNumber = s.get(3);
        releaseNumber = s.get(4);
        revision = s.get(5);
        orderDate = s.date(6, "373");
        changeRequestDate = s.date(11, "373");
    }

    private static String purposeName(String code) {
        try {
            return " (" + PurchaseOrder.Purpose.fromX12(code).name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")";
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private void poc(MappedSegment s) {
        flushLine(s.tx);
        String number = s.get(1);
        if (number == null) {
            s.fail(1, "350", "1", null, "LINE_NUMBER_MISSING",
                    "POC01 (line number) is missing: a change names the order line it changes");
        } else if (!lineNumbers.add(number)) {
            s.fail(1, "350", "7", number, "DUPLICATE_LINE_NUMBER", "line " + number
                    + " is changed twice in this set: one POC per line, or the hub could not tell which change wins");
        }
        String code = s.get(2);
        Action action = "AI".equals(code) ? Action.ADD : "DI".equals(code) ? Action.DELETE : Action.CHANGE;
        BigDecimal quantity = s.decimal(3, "330");
        if (quantity != null && quantity.signum() <= 0) {
            s.fail(3, "330", "6", s.get(3), "QUANTITY_NOT_POSITIVE", "POC03 quantity " + s.get(3)
                    + " must be greater than zero (a line is withdrawn with POC02 = DI)");
        }
        String unit = s.get(5);
        BigDecimal price = s.decimal(6, "212");
        if (price != null && price.signum() < 0) {
            s.fail(6, "212", "6", s.get(6), "PRICE_NEGATIVE", "POC06 unit price " + s.get(6) + " cannot be negative");
        }
        if (action == Action.ADD) {
            if (!s.has(3)) {
                s.fail(3, "330", "2", null, "QUANTITY_MISSING", "POC03 (quantity) is required to add line " + number
                        + " (POC02 = AI)");
            }
            if (!s.has(6)) {
                s.fail(6, "212", "2", null, "PRICE_MISSING", "POC06 (unit price) is required to add line " + number
                        + " (POC02 = AI): the contract check compares it with the contract price");
            }
        }
        if ((s.has(3) || action == Action.ADD) && unit == null) {
            s.fail(5, "355", "2", null, "UNIT_MISSING", "POC05 (unit of measure) is required "
                    + (action == Action.ADD ? "to add a line" : "with a quantity"));
        }
        line = new LineBuilder(number, action, code, quantity, unit, price, s.position);
        for (int i = 8; i + 1 <= s.count; i += 2) {
            String qualifier = s.get(i);
            String id = s.get(i + 1);
            if (qualifier == null || id == null) {
                continue;
            }
            if (line.buyerPart == null && BUYER_PART.contains(qualifier)) {
                line.buyerPart = id;
            } else if (line.vendorPart == null && VENDOR_PART.contains(qualifier)) {
                line.vendorPart = id;
            }
        }
    }

    private void sch(MappedSegment s) {
        if (line == null) {
            return;
        }
        ScheduleLine entry = s.scheduleLine();
        if (entry != null) {
            line.schedule.add(entry);
        }
    }

    private void flushLine(TransactionResult tx) {
        if (line == null) {
            return;
        }
        LineBuilder l = line;
        line = null;
        if (l.number == null) {
            return;
        }
        if (l.quantity != null && !l.schedule.isEmpty()) {
            BigDecimal scheduled = l.schedule.stream().map(ScheduleLine::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (scheduled.compareTo(l.quantity) != 0) {
                tx.rejectElement("POC", l.position, 3, "330", "7", l.quantity.toPlainString(), "SCHEDULE_QUANTITY_MISMATCH",
                        "line " + l.number + " is changed to " + l.quantity.toPlainString() + " but its SCH schedule totals "
                        + scheduled.toPlainString() + ": the hub would release a different quantity than ordered");
            }
        }
        lines.add(new LineChange(l.number, l.action, l.code, l.quantity, l.unit, l.unitPrice, l.buyerPart, l.vendorPart,
                l.description, l.schedule));
    }

    /**
     * Finishes the change after SE. Returns null (and rejects the set where the change cannot be built).
     */
    OrderChange build(TransactionResult tx) {
        flushLine(tx);
        if (purpose == PurchaseOrder.Purpose.CHANGE && lines.isEmpty() && tx.status() != TransactionResult.Status.REJECTED) {
            tx.rejectElement("BCH", bchPosition, 1, "353", "7", "04", "CHANGE_WITHOUT_LINES", "BCH01 04 (change) "
                    + "without any POC line: the hub applies line changes only, so nothing of this change would be taken");
        }
        if (tx.status() == TransactionResult.Status.REJECTED || poNumber == null || purpose == null) {
            return null;
        }
        if (declaredLineCount != null && declaredLineCount != lines.size()) {
            SegmentError segment = tx.segment("CTT", ctPosition, "CTT");
            segment.elements.add(new SegmentError.ElementError(1, 0, "354", "7", declaredLineCount.toString()));
            tx.warn(new X12Error("CTT", ctPosition, 1, "LINE_COUNT_MISMATCH", "CTT01 says " + declaredLineCount
                    + " line items, the change has " + lines.size() + "; the change is taken as its POC lines say"));
        }
        PurchaseOrder.SourceDocument source = new PurchaseOrder.SourceDocument("X12-860", null, null,
                interchangeControlNumber, groupControlNumber, transactionControlNumber);
        return new OrderChange(partnerId, poNumber, releaseNumber, purpose, revision,
                changeRequestDate != null ? changeRequestDate : orderDate, lines, source);
    }


    private static final class LineBuilder {

        final String number;
        final Action action;
        final String code;
        final BigDecimal quantity;
        final String unit;
        final BigDecimal unitPrice;
        final int position;
        final List<ScheduleLine> schedule = new ArrayList<>();
        String buyerPart;
        String vendorPart;
        String description;

        LineBuilder(String number, Action action, String code, BigDecimal quantity, String unit, BigDecimal unitPrice,
                int position) {
            this.number = number;
            this.action = action;
            this.code = code;
            this.quantity = quantity;
            this.unit = unit;
            this.unitPrice = unitPrice;
            this.position = position;
        }
    }
}
