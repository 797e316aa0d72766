package io.edihub.edifact;

import io.edihub.canonical.OrderLine;
import io.edihub.canonical.PurchaseOrder.Contact;
import io.edihub.canonical.PurchaseOrder.Party;
import io.edihub.canonical.PurchaseOrder.PaymentTerms;
import io.edihub.canonical.PurchaseOrder.Reference;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.ScheduleLine;
import io.edihub.edifact.InterchangeXml.Field;
import io.edihub.edifact.InterchangeXml.Segment;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps one ORDERS D96A message, as Smooks read it, to a canonical {@link PurchaseOrder}, and applies the hub's
 * rules the X12 850 mapper applies: a line needs a positive quantity and a unit, its schedule must add up to
 * it, line numbers are unique, numbers and dates must be valid.
 *
 * <p>Where things are (segment groups named by their first segment, as {@link InterchangeXml} does):
 * <ul>
 * <li>header: BGM (1001 document name: 220 order → SA, 221 blanket order → BK, 226 call-off → RL with
 * RFF+BO as the blanket order's number and BGM 1004 as the release number; 1004 PO number; 1225 purpose),
 * DTM+137 order date, DTM+2 requested delivery, RFF group (every reference; CT is also the contract number),
 * NAD group with CTA/COM contacts (NAD+ST or DP ship-to, IV invoicee → role BT as in X12), CUX currency,
 * PAT group with PCD and DTM (payment terms), CNT+2 line count;</li>
 * <li>LIN group: LIN (1082 line number; C212 item id, SA/VN/VP supplier's → vendor part, IN/BP buyer's →
 * buyer part), PIA (more ids, the same codes), IMD (description), QTY+21 (quantity and unit), DTM+2 (the
 * line's own delivery date), PRI group (AAA net price, else AAB gross, per 5284 units);</li>
 * <li>delivery schedule: the line's SCC groups, each holding QTY groups of a QTY (21 ordered, or 113 to be
 * delivered) and its DTM+2. This is the D96A ORDERS place for a schedule (an SCC group holds up to ten QTY
 * groups, a line up to 100 SCC groups); loose QTY/DTM pairs directly under LIN are not read as a schedule,
 * because D96A does not pair them. A line without schedule is due on its DTM+2, else the header's, else the
 * order date, as in X12.</li>
 * </ul>
 * Units are mapped to the X12 codes the hub uses elsewhere (PCE → EA, CS → CA, ...; see {@link #UNITS}).
 */
final class OrdersMapper {

    /** UN/ECE Recommendation 20 unit codes the hub's X12 side spells otherwise; the rest are kept as sent. */
    static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("PCE", "EA"), Map.entry("C62", "EA"), Map.entry("H87", "EA"), Map.entry("NAR", "EA"),
            Map.entry("CS", "CA"), Map.entry("DZN", "DZ"), Map.entry("KGM", "KG"), Map.entry("LTR", "LT"),
            Map.entry("MTR", "MR"), Map.entry("SET", "ST"));
    private static final Set<String> BUYER_PART = Set.of("IN", "BP");
    private static final Set<String> VENDOR_PART = Set.of("SA", "VN", "VP");
    private static final Set<String> SCHEDULE_QUANTITY = Set.of("21", "113");

    private final String partnerId;
    private final String fileName;
    private final String interchangeReference;
    private final String messageReference;
    private final List<Finding> findings;

    private String documentName;
    private Segment bgm;
    private String poNumber;
    private String purposeCode;
    private LocalDate orderDate;
    private LocalDate requestedDelivery;
    private String currency;
    private String contractNumber;
    private String blanketOrder;
    private Integer declaredLineCount;
    private final List<Reference> references = new ArrayList<>();
    private final List<Contact> contacts = new ArrayList<>();
    private final List<Party> parties = new ArrayList<>();
    private final List<PaymentTerms> terms = new ArrayList<>();
    private final List<OrderLine> lines = new ArrayList<>();
    private final Set<String> lineNumbers = new HashSet<>();

    private Segment party;
    private ContactBuilder contact;
    private TermsBuilder term;
    private LineBuilder line;
    private PendingSchedule pending;
    private boolean errorInMessage;

    OrdersMapper(String partnerId, String fileName, String interchangeReference, String messageReference,
            List<Finding> findings) {
        this.partnerId = partnerId;
        this.fileName = fileName;
        this.interchangeReference = interchangeReference;
        this.messageReference = messageReference;
        this.findings = findings;
    }

    /** The order, or null when the message has errors (they are added to the findings). */
    PurchaseOrder map(List<Segment> segments) {
        for (Segment s : segments) {
            segment(s);
        }
        flushParty();
        flushLine();
        flushTerms();
        if (bgm == null) {
            return null;
        }
        PurchaseOrder.Purpose purpose = purpose();
        String type = type();
        String releaseNumber = null;
        String number = poNumber;
        if ("RL".equals(type)) {
            releaseNumber = poNumber;
            number = blanketOrder;
            if (blanketOrder == null) {
                fail(bgm, null, 0, 0, "13", "BLANKET_ORDER_MISSING",
                        "a call-off order (BGM 226) must name its blanket order in RFF+BO");
            }
        }
        if (poNumber == null) {
            fail(bgm, null, 2, 0, "13", "PO_NUMBER_MISSING",
                    "BGM 1004 (document number) is missing: the order has no PO number");
        }
        if (orderDate == null) {
            fail(bgm, null, 0, 0, "13", "ORDER_DATE_MISSING",
                    "the order has no DTM+137 (document date): the hub dates every order");
        }
        if (errorInMessage || number == null || orderDate == null || purpose == null || type == null) {
            return null;
        }
        PurchaseOrder.SourceDocument source = new PurchaseOrder.SourceDocument("EDIFACT-ORDERS", fileName, null,
                interchangeReference, null, messageReference);
        return new PurchaseOrder(partnerId, number, releaseNumber, purpose, null, type, orderDate, requestedDelivery,
                currency == null ? "USD" : currency, contractNumber, references, contacts, parties, terms, lines,
                declaredLineCount, source);
    }

    private void segment(Segment s) {
        String group = s.group();
        String parent = s.parentGroup();
        switch (s.tag()) {
            case "BGM" -> {
                bgm = s;
                documentName = s.get("C002", "E1001");
                poNumber = s.get("E1004");
                purposeCode = s.get("E1225");
            }
            case "DTM" -> dtm(s, group, parent);
            case "RFF" -> {
                if ("RFF".equals(group) && parent == null) {
                    String qualifier = s.get("C506", "E1153");
                    String value = s.get("C506", "E1154");
                    references.add(new Reference(qualifier, value, null));
                    if ("CT".equals(qualifier) && contractNumber == null) {
                        contractNumber = value;
                    } else if ("BO".equals(qualifier) && blanketOrder == null) {
                        blanketOrder = value;
                    }
                }
            }
            case "NAD" -> {
                if (parent == null) {
                    flushParty();
                    party = s;
                }
            }
            case "CTA" -> {
                if ("NAD".equals(parent) || parent == null) {
                    flushContact();
                    contact = new ContactBuilder(s.get("E3139"), s.get("C056", "E3412"));
                }
            }
            case "COM" -> {
                if (contact != null && "CTA".equals(group)) {
                    String channel = s.get("C076", "E3155");
                    String number = s.get("C076", "E3148");
                    if ("TE".equals(channel) && contact.phone == null) {
                        contact.phone = number;
                    } else if ("EM".equals(channel) && contact.email == null) {
                        contact.email = number;
                    }
                }
            }
            case "CUX" -> {
                if (parent == null && currency == null) {
                    currency = s.get("C504", "E6345");
                }
            }
            case "PAT" -> {
                if (parent == null) {
                    flushTerms();
                    term = new TermsBuilder(s);
                }
            }
            case "PCD" -> {
                if (term != null && "PAT".equals(group) && "12".equals(s.get("C501", "E5245"))) {
                    term.discountPercent = decimal(s, s.get("C501", "E5482"), 1, 2, "PCD 5482 percentage");
                }
            }
            case "CNT" -> {
                if (group == null && "2".equals(s.get("C270", "E6069"))) {
                    BigDecimal count = decimal(s, s.get("C270", "E6066"), 1, 2, "CNT 6066 control value");
                    declaredLineCount = count == null ? null : count.intValue();
                }
            }
            case "LIN" -> lin(s);
            case "PIA" -> {
                if (line != null && "LIN".equals(group)) {
                    for (Field id : s.composites("C212")) {
                        line.id(Segment.component(id, "E7143"), Segment.component(id, "E7140"));
                    }
                }
            }
            case "IMD" -> {
                if (line != null && "LIN".equals(group)) {
                    List<String> text = s.all("C273", "E7008");
                    if (!text.isEmpty()) {
                        String d = String.join(" ", text);
                        line.description = line.description == null ? d : line.description + " " + d;
                    }
                }
            }
            case "QTY" -> qty(s, group, parent);
            case "PRI" -> {
                if (line != null && "PRI".equals(group)) {
                    price(s);
                }
            }
            case "SCC" -> flushSchedule();
            default -> {
                // segments the hub does not use are taken as sent (Smooks has read them against ORDERS D96A)
            }
        }
    }

    private void dtm(Segment s, String group, String parent) {
        String qualifier = s.get("C507", "E2005");
        if (group == null) {
            if ("137".equals(qualifier)) {
                orderDate = date(s);
            } else if ("2".equals(qualifier)) {
                requestedDelivery = date(s);
            }
        } else if ("LIN".equals(group) && line != null && "2".equals(qualifier)) {
            line.deliveryDate = date(s);
        } else if ("QTY".equals(group) && "SCC".equals(parent) && pending != null && "2".equals(qualifier)) {
            pending.date = date(s);
            pending.dateSeen = true;
        } else if ("PAT".equals(group) && term != null && "13".equals(qualifier)) {
            term.netDueDate = date(s);
        }
    }

    private void lin(Segment s) {
        flushParty();
        flushTerms();
        flushLine();
        String number = s.get("E1082");
        if (number == null) {
            number = Integer.toString(lines.size() + 1);
        }
        line = new LineBuilder(s, number);
        if (!lineNumbers.add(number)) {
            fail(s, number, 1, 0, "12", "DUPLICATE_LINE_NUMBER", "line number " + number + " is used twice in this order");
        }
        line.id(s.get("C212", "E7143"), s.get("C212", "E7140"));
    }

    private void qty(Segment s, String group, String parent) {
        if (line == null) {
            return;
        }
        String qualifier = s.get("C186", "E6063");
        if ("LIN".equals(group)) {
            if (!"21".equals(qualifier) || line.quantitySegment != null) {
                return;
            }
            line.quantitySegment = s;
            line.quantity = decimal(s, s.get("C186", "E6060"), 1, 2, "QTY 6060 quantity");
            String unit = s.get("C186", "E6411");
            line.unit = unit(unit);
            if (line.quantity != null && line.quantity.signum() <= 0) {
                fail(s, line.number, 1, 2, "12", "QUANTITY_NOT_POSITIVE", "QTY+21 quantity "
                        + line.quantity.toPlainString() + " must be greater than zero");
            }
            if (unit == null) {
                fail(s, line.number, 1, 3, "13", "UNIT_MISSING", "QTY 6411 (unit of measure) is required with a quantity");
            }
        } else if ("QTY".equals(group) && "SCC".equals(parent)) {
            flushSchedule();
            if (!SCHEDULE_QUANTITY.contains(qualifier)) {
                return;
            }
            BigDecimal quantity = decimal(s, s.get("C186", "E6060"), 1, 2, "QTY 6060 quantity");
            if (quantity != null && quantity.signum() <= 0) {
                fail(s, line.number, 1, 2, "12", "QUANTITY_NOT_POSITIVE", "scheduled quantity "
                        + quantity.toPlainString() + " must be greater than zero");
                quantity = null;
            }
            pending = new PendingSchedule(s, quantity, unit(s.get("C186", "E6411")));
        }
    }

    private void price(Segment s) {
        String qualifier = s.get("C509", "E5125");
        boolean net = "AAA".equals(qualifier);
        if (line.unitPrice != null && !(net && !line.netPrice)) {
            return;
        }
        BigDecimal price = decimal(s, s.get("C509", "E5118"), 1, 2, "PRI 5118 price");
        if (price == null) {
            return;
        }
        if (price.signum() < 0) {
            fail(s, line.number, 1, 2, "12", "PRICE_NEGATIVE", "PRI 5118 price " + price.toPlainString()
                    + " cannot be negative");
            return;
        }
        BigDecimal basis = decimal(s, s.get("C509", "E5284"), 1, 5, "PRI 5284 unit price basis");
        if (basis != null && basis.signum() > 0 && basis.compareTo(BigDecimal.ONE) != 0) {
            price = price.divide(basis, MathContext.DECIMAL64).stripTrailingZeros();
        }
        line.unitPrice = price;
        line.netPrice = net;
    }

    private void flushSchedule() {
        PendingSchedule p = pending;
        pending = null;
        if (p == null || line == null) {
            return;
        }
        if (!p.dateSeen) {
            fail(p.segment, line.number, 0, 0, "13", "SCHEDULE_DATE_MISSING",
                    "a scheduled quantity needs its DTM+2 (delivery date requested) right after it");
        }
        if (p.quantity != null && p.date != null) {
            line.schedule.add(new ScheduleLine(p.quantity, p.unit, p.date, null));
        } else {
            // already reported; a total without this entry would only repeat the error
            line.scheduleIncomplete = true;
        }
    }

    private void flushLine() {
        flushSchedule();
        LineBuilder l = line;
        line = null;
        if (l == null) {
            return;
        }
        if (l.quantitySegment == null) {
            fail(l.segment, l.number, 0, 0, "13", "QUANTITY_MISSING",
                    "the line has no QTY+21 (ordered quantity): the hub cannot release a line without a quantity");
            return;
        }
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
            if (!l.scheduleIncomplete && scheduled.compareTo(l.quantity) != 0) {
                fail(l.quantitySegment, l.number, 1, 2, "12", "SCHEDULE_QUANTITY_MISMATCH", "line " + l.number
                        + " orders " + l.quantity.toPlainString() + " but its SCC schedule totals "
                        + scheduled.toPlainString() + ": the hub would release a different quantity than ordered");
            }
        }
        lines.add(new OrderLine(l.number, l.buyerPart, l.vendorPart, l.ids, l.description, l.quantity, l.unit,
                l.unitPrice, schedule));
    }

    private void flushParty() {
        flushContact();
        Segment s = party;
        party = null;
        if (s == null) {
            return;
        }
        String code = s.get("E3035");
        String role = switch (code == null ? "" : code) {
            case "IV" -> "BT";
            case "DP" -> "ST";
            default -> code;
        };
        List<String> nameParts = s.all("C080", "E3036");
        if (nameParts.isEmpty()) {
            nameParts = s.all("C058", "E3124");
        }
        String name = nameParts.isEmpty() ? null : String.join(" ", nameParts);
        parties.add(new Party(role, name, s.get("C082", "E3055"), s.get("C082", "E3039"), s.all("C059", "E3042"),
                s.get("E3164"), s.get("E3229"), s.get("E3251"), s.get("E3207")));
    }

    private void flushContact() {
        if (contact != null) {
            contacts.add(new Contact(contact.function, contact.name, contact.phone, contact.email));
            contact = null;
        }
    }

    private void flushTerms() {
        TermsBuilder t = term;
        term = null;
        if (t == null) {
            return;
        }
        Segment s = t.segment;
        Integer days = null;
        if ("D".equals(s.get("C112", "E2151"))) {
            BigDecimal d = decimal(s, s.get("C112", "E2152"), 3, 4, "PAT 2152 number of periods");
            days = d == null ? null : d.intValue();
        }
        boolean discount = "22".equals(s.get("E4279"));
        List<String> description = s.all("C110", "E4276");
        terms.add(new PaymentTerms(s.get("E4279"), t.discountPercent, discount ? days : null, discount ? null : days,
                t.netDueDate, description.isEmpty() ? null : String.join(" ", description)));
    }

    private PurchaseOrder.Purpose purpose() {
        String code = purposeCode == null ? "9" : purposeCode;
        PurchaseOrder.Purpose p = switch (code) {
            case "9" -> PurchaseOrder.Purpose.ORIGINAL;
            case "1" -> PurchaseOrder.Purpose.CANCELLATION;
            case "4" -> PurchaseOrder.Purpose.CHANGE;
            case "5" -> PurchaseOrder.Purpose.REPLACE;
            case "6" -> PurchaseOrder.Purpose.CONFIRMATION;
            case "7" -> PurchaseOrder.Purpose.DUPLICATE;
            default -> null;
        };
        if (p == null) {
            fail(bgm, null, 3, 0, "14", "PURPOSE_UNSUPPORTED", "BGM 1225 message function " + code
                    + " is not one the hub reads (9 original, 1 cancellation, 4 change, 5 replace, 6 confirmation, 7 duplicate)");
        }
        return p;
    }

    private String type() {
        String t = switch (documentName == null ? "" : documentName) {
            case "220", "105" -> "SA";
            case "221" -> "BK";
            case "226" -> "RL";
            default -> null;
        };
        if (t == null) {
            fail(bgm, null, 1, 1, "14", "DOCUMENT_TYPE_UNSUPPORTED", "BGM 1001 document name " + documentName
                    + " is not an order the hub reads (220 order, 221 blanket order, 226 call-off order)");
        }
        return t;
    }

    /** A DTM's date: 102 CCYYMMDD (also when 2379 is absent), 203 CCYYMMDDHHMM, 204 CCYYMMDDHHMMSS, 101 YYMMDD. */
    private LocalDate date(Segment s) {
        String qualifier = s.get("C507", "E2005");
        String text = s.get("C507", "E2380");
        String format = s.get("C507", "E2379");
        String lineNumber = line == null ? null : line.number;
        if (text == null) {
            fail(s, lineNumber, 1, 2, "13", "DATE_MISSING", "DTM+" + qualifier + " has no date (2380)");
            return null;
        }
        int length = switch (format == null ? "102" : format) {
            case "102" -> 8;
            case "203" -> 12;
            case "204" -> 14;
            case "101" -> 6;
            default -> -1;
        };
        if (length < 0) {
            fail(s, lineNumber, 1, 3, "14", "DATE_FORMAT_UNSUPPORTED", "DTM+" + qualifier + " format " + format
                    + " is not one the hub reads (102 CCYYMMDD, 203, 204, 101)");
            return null;
        }
        LocalDate date = text.length() == length && text.chars().allMatch(Character::isDigit) ? parse(text, length) : null;
        if (date == null) {
            fail(s, lineNumber, 1, 2, "12", "INVALID_DATE", "DTM+" + qualifier + " date '" + text
                    + "' is not a valid date (format " + (format == null ? "102" : format) + ")");
        }
        return date;
    }

    private static LocalDate parse(String digits, int length) {
        try {
            int year = length == 6 ? 2000 + Integer.parseInt(digits.substring(0, 2)) : Integer.parseInt(digits.substring(0, 4));
            int at = length == 6 ? 2 : 4;
            LocalDate date = LocalDate.of(year, Integer.parseInt(digits.substring(at, at + 2)),
                    Integer.parseInt(digits.substring(at + 2, at + 4)));
            if (length >= 12) {
                int hour = Integer.parseInt(digits.substring(8, 10));
                int minute = Integer.parseInt(digits.substring(10, 12));
                int second = length == 14 ? Integer.parseInt(digits.substring(12, 14)) : 0;
                if (hour > 23 || minute > 59 || second > 59) {
                    return null;
                }
            }
            return date;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private BigDecimal decimal(Segment s, String text, int element, int component, String what) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            fail(s, line == null ? null : line.number, element, component, "37", "INVALID_NUMBER",
                    what + " '" + text + "' is not a number");
            return null;
        }
    }

    private static String unit(String edifact) {
        return edifact == null ? null : UNITS.getOrDefault(edifact, edifact);
    }

    private void fail(Segment s, String lineNumber, int element, int component, String syntaxCode, String code,
            String message) {
        errorInMessage = true;
        findings.add(Finding.segment(messageReference, Finding.location(s.position(), s.tag(), messageReference, lineNumber),
                code, message, syntaxCode, s.tag(), s.position(), element, component));
    }

    private static final class LineBuilder {

        final Segment segment;
        final String number;
        final Map<String, String> ids = new LinkedHashMap<>();
        final List<ScheduleLine> schedule = new ArrayList<>();
        Segment quantitySegment;
        BigDecimal quantity;
        String unit;
        BigDecimal unitPrice;
        boolean netPrice;
        boolean scheduleIncomplete;
        String buyerPart;
        String vendorPart;
        String description;
        LocalDate deliveryDate;

        LineBuilder(Segment segment, String number) {
            this.segment = segment;
            this.number = number;
        }

        void id(String qualifier, String id) {
            if (qualifier == null || id == null) {
                return;
            }
            ids.putIfAbsent(qualifier, id);
            if (buyerPart == null && BUYER_PART.contains(qualifier)) {
                buyerPart = id;
            } else if (vendorPart == null && VENDOR_PART.contains(qualifier)) {
                vendorPart = id;
            }
        }
    }

    private static final class PendingSchedule {

        final Segment segment;
        final BigDecimal quantity;
        final String unit;
        LocalDate date;
        boolean dateSeen;

        PendingSchedule(Segment segment, BigDecimal quantity, String unit) {
            this.segment = segment;
            this.quantity = quantity;
            this.unit = unit;
        }
    }

    private static final class ContactBuilder {

        final String function;
        final String name;
        String phone;
        String email;

        ContactBuilder(String function, String name) {
            this.function = function;
            this.name = name;
        }
    }

    private static final class TermsBuilder {

        final Segment segment;
        BigDecimal discountPercent;
        LocalDate netDueDate;

        TermsBuilder(Segment segment) {
            this.segment = segment;
        }
    }
}
