package io.edihub.x12;

import io.edihub.canonical.OrderLine;
import io.edihub.canonical.PurchaseOrder.Contact;
import io.edihub.canonical.PurchaseOrder.Party;
import io.edihub.canonical.PurchaseOrder.PaymentTerms;
import io.edihub.canonical.PurchaseOrder.Reference;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.ScheduleLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps the segments of one 850 transaction set, as they stream by, to a canonical {@link PurchaseOrder}
 * (BEG, CUR, REF, PER, ITD, DTM, N1 loop, PO1 with PID, DTM and SCH, CTT). StAEDI has already checked
 * structure, lengths, codes and data types against the 850 schema; this class adds the rules the hub
 * needs to release and bill an order, and reports them with the same AK3/AK4 codes.
 */
final class PurchaseOrder850Mapper {

    /** Product id qualifiers read as the buyer's part and as ours; the 812 mapper names parts the same way. */
    static final Set<String> BUYER_PART = Set.of("BP", "IN", "CB", "PI");
    static final Set<String> VENDOR_PART = Set.of("VP", "VN", "VA", "MG");

    private final String partnerId;
    private final String interchangeControlNumber;
    private final String groupControlNumber;
    private final String transactionControlNumber;

    private String purpose;
    private String type;
    private String poNumber;
    private String releaseNumber;
    private LocalDate orderDate;
    private LocalDate requestedDelivery;
    private String currency;
    private String contractNumber;
    private final List<Reference> references = new ArrayList<>();
    private final List<Contact> contacts = new ArrayList<>();
    private final List<Party> parties = new ArrayList<>();
    private final List<PaymentTerms> terms = new ArrayList<>();
    private final List<OrderLine> lines = new ArrayList<>();
    private final Set<String> lineNumbers = new HashSet<>();
    private Integer declaredLineCount;
    private int ctPosition;

    private PartyBuilder party;
    private LineBuilder line;
    private boolean detail;

    PurchaseOrder850Mapper(String partnerId, String interchangeControlNumber, String groupControlNumber,
            String transactionControlNumber) {
        this.partnerId = partnerId;
        this.interchangeControlNumber = interchangeControlNumber;
        this.groupControlNumber = groupControlNumber;
        this.transactionControlNumber = transactionControlNumber;
    }

    void segment(String tag, int position, String[] v, int count, TransactionResult tx) {
        MappedSegment s = new MappedSegment(tag, position, v, count, tx);
        switch (tag) {
            case "BEG" -> beg(s);
            case "CUR" -> {
                if (!detail && s.has(2)) {
                    currency = s.get(2);
                }
            }
            case "REF" -> ref(s);
            case "PER" -> {
                if (!detail && party == null) {
                    contacts.add(contact(s));
                }
            }
            case "ITD" -> {
                if (!detail) {
                    terms.add(new PaymentTerms(s.get(1), s.decimal(3, "338"), s.integer(5, "351"), s.integer(7, "386"),
                            s.date(6, "446"), s.get(12)));
                }
            }
            case "DTM" -> dtm(s);
            case "N1" -> {
                flushParty();
                if (!detail) {
                    party = new PartyBuilder(s.get(1), s.get(2), s.get(3), s.get(4));
                }
            }
            case "N2" -> {
                if (party != null && s.has(1)) {
                    party.name = party.name == null ? s.get(1) : party.name + " " + s.get(1);
                }
            }
            case "N3" -> {
                if (party != null) {
                    for (int i = 1; i <= 2; i++) {
                        if (s.has(i)) {
                            party.address.add(s.get(i));
                        }
                    }
                }
            }
            case "N4" -> {
                if (party != null) {
                    party.city = s.get(1);
                    party.state = s.get(2);
                    party.postalCode = s.get(3);
                    party.country = s.get(4);
                }
            }
            case "PO1" -> po1(s);
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
                // segments the hub does not use are accepted as sent (their structure was validated)
            }
        }
    }

    private void beg(MappedSegment s) {
        purpose = s.get(1);
        type = s.get(2);
        poNumber = s.get(3);
        releaseNumber = s.get(4);
        orderDate = s.date(5, "373");
        contractNumber = s.get(6);
        if ("RL".equals(type) && !s.has(4)) {
            s.fail(4, "328", "2", null, "RELEASE_NUMBER_MISSING",
                    "BEG04 (release number) is required when BEG02 is RL: a release against a blanket order names its release");
        }
    }

    private void ref(MappedSegment s) {
        if (detail || party != null) {
            return;
        }
        if ("CT".equals(s.get(1)) && contractNumber == null) {
            contractNumber = s.get(2);
        }
        references.add(new Reference(s.get(1), s.get(2), s.get(3)));
    }

    private void dtm(MappedSegment s) {
        if (!"002".equals(s.get(1))) {
            return;
        }
        LocalDate date = s.date(2, "373");
        if (line != null) {
            line.deliveryDate = date;
        } else if (!detail) {
            requestedDelivery = date;
        }
    }

    private static Contact contact(MappedSegment s) {
        String phone = null;
        String email = null;
        for (int i = 3; i <= 7; i += 2) {
            String qualifier = s.get(i);
            if ("TE".equals(qualifier) && phone == null) {
                phone = s.get(i + 1);
            } else if ("EM".equals(qualifier) && email == null) {
                email = s.get(i + 1);
            }
        }
        return new Contact(s.get(1), s.get(2), phone, email);
    }

    private void po1(MappedSegment s) {
        flushParty();
        flushLine(s.tx);
        detail = true;
        String number = s.has(1) ? s.get(1) : Integer.toString(lines.size() + 1);
        // a set whose verdict is full is rejected: its lines and their numbers are kept no longer, or a file of millions
        // of bad lines would take the heap for an order never built
        if (!s.tx.verdictFull() && !lineNumbers.add(number)) {
            s.fail(1, "350", "7", number, "DUPLICATE_LINE_NUMBER", "line number " + number + " is used twice in this order");
        }
        BigDecimal quantity = s.decimal(2, "330");
        if (!s.has(2)) {
            s.fail(2, "330", "1", null, "QUANTITY_MISSING", "PO102 (quantity ordered) is missing: the hub cannot release a line without a quantity");
        } else if (quantity != null && quantity.signum() <= 0) {
            s.fail(2, "330", "6", s.get(2), "QUANTITY_NOT_POSITIVE", "PO102 quantity " + s.get(2) + " must be greater than zero");
        }
        if (s.has(2) && !s.has(3)) {
            s.fail(3, "355", "2", null, "UNIT_MISSING", "PO103 (unit of measure) is required with a quantity");
        }
        BigDecimal price = s.decimal(4, "212");
        if (price != null && price.signum() < 0) {
            s.fail(4, "212", "6", s.get(4), "PRICE_NEGATIVE", "PO104 unit price " + s.get(4) + " cannot be negative");
        }
        line = new LineBuilder(number, quantity, s.get(3), price, s.position);
        for (int i = 6; i + 1 <= s.count; i += 2) {
            String qualifier = s.get(i);
            String id = s.get(i + 1);
            if (qualifier == null || id == null) {
                continue;
            }
            line.ids.putIfAbsent(qualifier, id);
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

    private void flushParty() {
        if (party != null) {
            parties.add(new Party(party.role, party.name, party.idQualifier, party.id, party.address, party.city,
                    party.state, party.postalCode, party.country));
            party = null;
        }
    }

    private void flushLine(TransactionResult tx) {
        if (line == null) {
            return;
        }
        LineBuilder l = line;
        line = null;
        if (l.quantity == null) {
            return;
        }
        List<ScheduleLine> schedule = l.schedule;
        if (schedule.isEmpty()) {
            LocalDate due = l.deliveryDate != null ? l.deliveryDate : requestedDelivery != null ? requestedDelivery : orderDate;
            if (due == null) {
                return;
            }
            schedule = List.of(new ScheduleLine(l.quantity, l.unit, due, null));
        } else {
            BigDecimal scheduled = schedule.stream().map(ScheduleLine::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (scheduled.compareTo(l.quantity) != 0) {
                tx.rejectElement("PO1", l.position, 2, "330", "7", l.quantity.toPlainString(),
                        "SCHEDULE_QUANTITY_MISMATCH", "line " + l.number
                        + " orders " + l.quantity.toPlainString() + " but its SCH schedule totals "
                        + scheduled.toPlainString() + ": the hub would release a different quantity than ordered");
            }
        }
        if (tx.verdictFull()) {
            return;
        }
        lines.add(new OrderLine(l.number, l.buyerPart, l.vendorPart, l.ids, l.description, l.quantity, l.unit,
                l.unitPrice, schedule));
    }

    /**
     * Finishes the order after SE. Returns null (and rejects the set) when the order cannot be built.
     */
    PurchaseOrder build(TransactionResult tx) {
        flushParty();
        flushLine(tx);
        if (tx.status() == TransactionResult.Status.REJECTED || poNumber == null || orderDate == null || purpose == null) {
            return null;
        }
        PurchaseOrder.Purpose p;
        try {
            p = PurchaseOrder.Purpose.fromX12(purpose);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (declaredLineCount != null && declaredLineCount != lines.size()) {
            SegmentError segment = tx.segment("CTT", ctPosition, "CTT");
            segment.elements.add(new SegmentError.ElementError(1, 0, "354", "7", declaredLineCount.toString()));
            tx.warn(new X12Error("CTT", ctPosition, 1, "LINE_COUNT_MISMATCH", "CTT01 says " + declaredLineCount
                    + " line items, the order has " + lines.size() + "; the order is taken as its PO1 lines say"));
        }
        PurchaseOrder.SourceDocument source = new PurchaseOrder.SourceDocument("X12-850", null, null,
                interchangeControlNumber, groupControlNumber, transactionControlNumber);
        return new PurchaseOrder(partnerId, poNumber, releaseNumber, p, null, type, orderDate, requestedDelivery,
                currency == null ? "USD" : currency, contractNumber, references, contacts, parties, terms, lines,
                declaredLineCount, source);
    }


    /*
     * Hand-written rather than a regex and a DateTimeFormatter: they run for every SCH (60 times in an
     * order of 5 lines over 12 months) and were the mapper's largest cost. Both accept exactly what the
     * former regex -?(\d+\.?\d*|\.\d+) and STRICT "uuuuMMdd" / "uuMMdd" (20YY) formatters accepted.
     */

    /** Digits with an optional minus sign and decimal point: {@code 12}, {@code -1.5}, {@code 3.}, {@code .25}. */
    static boolean isDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && s.charAt(i) == '-') {
            i++;
        }
        int integerStart = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        if (i > integerStart) {
            if (i < n && s.charAt(i) == '.') {
                i++;
            }
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            return i == n;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            int fractionStart = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            return i > fractionStart && i == n;
        }
        return false;
    }

    /** A calendar date as CCYYMMDD, or YYMMDD in 2000-2099; null when it is not one. */
    static LocalDate parseDate(String text) {
        int n = text.length();
        if (n != 8 && n != 6) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            if (!isDigit(text.charAt(i))) {
                return null;
            }
        }
        int year = n == 8 ? number(text, 0, 4) : 2000 + number(text, 0, 2);
        int month = number(text, n - 4, 2);
        int day = number(text, n - 2, 2);
        if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int number(String digits, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            value = value * 10 + digits.charAt(i) - '0';
        }
        return value;
    }

    private static final class PartyBuilder {

        final String role;
        String name;
        final String idQualifier;
        final String id;
        final List<String> address = new ArrayList<>();
        String city;
        String state;
        String postalCode;
        String country;

        PartyBuilder(String role, String name, String idQualifier, String id) {
            this.role = role;
            this.name = name;
            this.idQualifier = idQualifier;
            this.id = id;
        }
    }

    private static final class LineBuilder {

        final String number;
        final BigDecimal quantity;
        final String unit;
        final BigDecimal unitPrice;
        final int position;
        final Map<String, String> ids = new LinkedHashMap<>();
        final List<ScheduleLine> schedule = new ArrayList<>();
        String buyerPart;
        String vendorPart;
        String description;
        LocalDate deliveryDate;

        LineBuilder(String number, BigDecimal quantity, String unit, BigDecimal unitPrice, int position) {
            this.number = number;
            this.quantity = quantity;
            this.unit = unit;
            this.unitPrice = unitPrice;
            this.position = position;
        }
    }
}
