package io.edihub.document;


import com.fasterxml.jackson.databind.JsonNode;
import io.edihub.canonical.InputError;
import io.edihub.canonical.OrderChange.LineChange;
import io.edihub.canonical.OrderChange;
import io.edihub.canonical.OrderLine;
import io.edihub.canonical.OrderMessage;
import io.edihub.canonical.PurchaseOrder.Purpose;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.ScheduleLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a customer's JSON purchase order (the published schema {@value #SCHEMA_ID}) into canonical order
 * messages, or says precisely what is wrong with it.
 *
 * <p>Three gates, each reported in the sender's terms: the size limit (checked before any parsing, so a
 * huge upload costs no memory), JSON syntax (line and column), the schema (one error per violation with
 * its JSON pointer), then the hub's own rules (schedules add up to the line quantity, unique line numbers,
 * change lines name their line). A top-level array of orders is read as several orders; any error refuses
 * the whole document. Thread-safe: the schema is compiled once and shared.
 */
public final class JsonOrderReader extends SizeLimitedReader<OrderDocument> {

    /** The published schema's id. */
    public static final String SCHEMA_ID = "https://edihub.io/schemas/purchase-order.v1.schema.json";
    /** The schema on the classpath, for whoever publishes it (HTTP, documentation). */
    public static final String SCHEMA_RESOURCE = "schemas/purchase-order.v1.schema.json";

    private static final PublishedSchema SCHEMA = PublishedSchema.load(SCHEMA_RESOURCE, new PublishedSchema.Wording(
            "an order: an order is a JSON object, several orders a list of them",
            Map.of(
                    "quantity", PublishedSchema.Wording.number("greater than zero", "12.5"),
                    "amount", PublishedSchema.Wording.number("of zero or more", "42.50"),
                    "days", "a whole number of days from 0 to 3660"),
            Map.ofEntries(
                    Map.entry("purpose", "one of original, change, replace or cancel"),
                    Map.entry("action", "set or delete"),
                    Map.entry("type", "a two-letter X12 order type such as SA, BK or RL"),
                    Map.entry("currency", "a three-letter ISO 4217 currency code such as USD"),
                    Map.entry("country", "a two-letter ISO 3166 country code such as US"),
                    Map.entry("role", "an X12 entity code such as ST (ship-to) or BT (bill-to)"),
                    Map.entry("otherParts", "an object of product id qualifier to part number")),
            Map.of("otherParts", "a product id qualifier (2 capital letters or digits, such as UP or CB)")));

    /**
     * @param maxBytes the largest document read; a larger one is refused before it is parsed
     */
    public JsonOrderReader(long maxBytes) {
        super(maxBytes);
    }

    @Override
    protected OrderDocument refused(InputError error) {
        return OrderDocument.refused(OrderFormat.JSON, List.of(error));
    }

    @Override
    protected OrderDocument readWithinLimit(String partnerId, String fileName, byte[] content) {
        JsonNode root;
        try {
            root = JsonInput.parse(content, "order", " (several orders go in one array)");
        } catch (JsonInput.NotJson e) {
            return refused(e.error());
        }
        List<JsonNode> orders = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        if (root.isArray()) {
            if (root.isEmpty()) {
                return refused(new InputError("/", "EMPTY", "the list of orders is empty"));
            }
            for (int i = 0; i < root.size(); i++) {
                orders.add(root.get(i));
                prefixes.add("/" + i);
            }
        } else {
            orders.add(root);
            prefixes.add("");
        }
        InputErrors errors = new InputErrors();
        for (int i = 0; i < orders.size(); i++) {
            SCHEMA.validate(orders.get(i), prefixes.get(i)).forEach(errors::add);
        }
        if (!errors.isEmpty()) {
            return OrderDocument.refused(OrderFormat.JSON, errors.list());
        }
        List<OrderMessage> messages = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            OrderMessage message = new OrderMapping(partnerId, fileName, orders.get(i), prefixes.get(i), errors).map();
            if (message != null) {
                messages.add(message);
            }
        }
        if (!errors.isEmpty()) {
            return OrderDocument.refused(OrderFormat.JSON, errors.list());
        }
        return new OrderDocument(OrderFormat.JSON, messages, List.of());
    }

    // --- the hub's rules and the canonical order ------------------------------------------------------

    /** One schema-valid order node to its canonical message, adding the hub's rules. */
    private static final class OrderMapping {

        private final String partnerId;
        private final String fileName;
        private final JsonNode order;
        private final String prefix;
        private final InputErrors errors;
        private final int before;

        OrderMapping(String partnerId, String fileName, JsonNode order, String prefix, InputErrors errors) {
            this.partnerId = partnerId;
            this.fileName = fileName;
            this.order = order;
            this.prefix = prefix;
            this.errors = errors;
            this.before = errors.size();
        }

        OrderMessage map() {
            Purpose purpose = order.has("purpose") ? Purpose.fromName(order.get("purpose").textValue()) : Purpose.ORIGINAL;
            String poNumber = text(order, "poNumber");
            LocalDate orderDate = date(order, "orderDate", prefix + "/orderDate");
            LocalDate requestedDelivery = date(order, "requestedDelivery", prefix + "/requestedDelivery");
            PurchaseOrder.SourceDocument source = new PurchaseOrder.SourceDocument("JSON", fileName, null, null, null, null);
            if ("RL".equals(text(order, "type")) && !order.has("releaseNumber")) {
                errors.add(new InputError(prefix + "/releaseNumber", "RELEASE_NUMBER_MISSING", "releaseNumber is required"
                        + " when type is RL: a release against a blanket order names its release"));
            }
            if (purpose == Purpose.CHANGE) {
                for (String field : List.of("requestedDelivery", "parties", "paymentTerms")) {
                    if (order.has(field)) {
                        errors.add(new InputError(prefix + "/" + field, "NOT_IN_CHANGE", "a change (purpose change) changes lines only;"
                                + " to change " + field + " send the whole order with purpose replace"));
                    }
                }
            }
            List<OrderLine> lines = new ArrayList<>();
            List<LineChange> changes = new ArrayList<>();
            Map<String, String> lineNumbers = new HashMap<>();
            JsonNode lineNodes = order.path("lines");
            for (int i = 0; i < lineNodes.size(); i++) {
                line(lineNodes.get(i), i, purpose, orderDate, requestedDelivery, lineNumbers, lines, changes);
            }
            if (errors.size() > before || orderDate == null) {
                return null;
            }
            if (purpose == Purpose.CHANGE) {
                return new OrderChange(partnerId, poNumber, text(order, "releaseNumber"), purpose, text(order, "revision"),
                        orderDate, changes, source);
            }
            return new PurchaseOrder(partnerId, poNumber, text(order, "releaseNumber"), purpose, text(order, "revision"),
                    text(order, "type"), orderDate, requestedDelivery,
                    order.has("currency") ? text(order, "currency") : "USD", text(order, "contractNumber"),
                    references(), contacts(), parties(), paymentTerms(), lines, null, source);
        }

        private void line(JsonNode node, int index, Purpose purpose, LocalDate orderDate, LocalDate requestedDelivery,
                Map<String, String> lineNumbers, List<OrderLine> lines, List<LineChange> changes) {
            String at = prefix + "/lines/" + index;
            String number;
            if (node.has("lineNumber")) {
                number = node.get("lineNumber").asText();
            } else if (purpose == Purpose.CHANGE) {
                errors.add(new InputError(at + "/lineNumber", "LINE_NUMBER_MISSING",
                        "a changed line needs its lineNumber: it names the line on file that changes"));
                return;
            } else {
                number = Integer.toString(index + 1);
            }
            String first = lineNumbers.putIfAbsent(number, at);
            if (first != null) {
                errors.add(new InputError(at + (node.has("lineNumber") ? "/lineNumber" : ""), "DUPLICATE_LINE_NUMBER",
                        "line number " + number + " is used twice in this order (first at " + first + ")"));
            }
            OrderChange.Action action = OrderChange.Action.SET;
            if (node.has("action")) {
                if (purpose != Purpose.CHANGE) {
                    errors.add(new InputError(at + "/action", "ACTION_NOT_ALLOWED", "a line action is only for purpose change;"
                            + " this order's purpose is " + purpose.name().toLowerCase(Locale.ROOT)));
                } else if ("delete".equals(node.get("action").textValue())) {
                    action = OrderChange.Action.DELETE;
                }
            }
            if (action == OrderChange.Action.DELETE) {
                for (String field : List.of("quantity", "unitPrice", "schedule")) {
                    if (node.has(field)) {
                        errors.add(new InputError(at + "/" + field, "DELETED_LINE_WITH_VALUES",
                                "a deleted line carries no " + field + ": only its lineNumber is needed"));
                    }
                }
                changes.add(new LineChange(number, action, null, null, null, null, text(node, "buyerPart"),
                        text(node, "vendorPart"), text(node, "description"), List.of()));
                return;
            }
            BigDecimal quantity = decimal(node, "quantity", at + "/quantity");
            String unit = text(node, "unit");
            BigDecimal unitPrice = decimal(node, "unitPrice", at + "/unitPrice");
            List<ScheduleLine> schedule = new ArrayList<>();
            JsonNode entries = node.path("schedule");
            BigDecimal scheduled = BigDecimal.ZERO;
            for (int j = 0; j < entries.size(); j++) {
                JsonNode entry = entries.get(j);
                String entryAt = at + "/schedule/" + j;
                BigDecimal q = decimal(entry, "quantity", entryAt + "/quantity");
                LocalDate due = date(entry, "deliveryDate", entryAt + "/deliveryDate");
                String entryUnit = entry.has("unit") ? text(entry, "unit") : unit;
                if (entryUnit != null && !entryUnit.equals(unit)) {
                    errors.add(new InputError(entryAt + "/unit", "UNIT_MISMATCH", "schedule unit " + entryUnit
                            + " differs from the line's unit " + unit + ": a line is scheduled in its own unit"));
                }
                if (q != null && due != null) {
                    schedule.add(new ScheduleLine(q, entryUnit, due, text(entry, "reference")));
                    scheduled = scheduled.add(q);
                }
            }
            if (quantity == null) {
                return;
            }
            if (!entries.isMissingNode() && schedule.size() == entries.size() && scheduled.compareTo(quantity) != 0) {
                errors.add(new InputError(at + "/schedule", "SCHEDULE_QUANTITY_MISMATCH", "line " + number + " orders "
                        + quantity.toPlainString() + " but its schedule totals " + scheduled.toPlainString()
                        + ": the hub would release a different quantity than ordered"));
            }
            if (purpose == Purpose.CHANGE) {
                // a set line without a schedule keeps the schedule on file (OrderChange.LineChange)
                changes.add(new LineChange(number, action, null, quantity, unit, unitPrice, text(node, "buyerPart"),
                        text(node, "vendorPart"), text(node, "description"), schedule));
                return;
            }
            if (entries.isMissingNode() && orderDate != null) {
                schedule = List.of(new ScheduleLine(quantity, unit,
                        requestedDelivery != null ? requestedDelivery : orderDate, null));
            }
            Map<String, String> otherParts = new LinkedHashMap<>();
            node.path("otherParts").properties().forEach(e -> otherParts.put(e.getKey(), e.getValue().textValue()));
            lines.add(new OrderLine(number, text(node, "buyerPart"), text(node, "vendorPart"), otherParts,
                    text(node, "description"), quantity, unit, unitPrice, schedule));
        }

        private List<PurchaseOrder.Reference> references() {
            List<PurchaseOrder.Reference> list = new ArrayList<>();
            order.path("references").forEach(r -> list.add(
                    new PurchaseOrder.Reference(text(r, "qualifier"), text(r, "value"), text(r, "description"))));
            return list;
        }

        private List<PurchaseOrder.Contact> contacts() {
            List<PurchaseOrder.Contact> list = new ArrayList<>();
            order.path("contacts").forEach(c -> list.add(
                    new PurchaseOrder.Contact(text(c, "function"), text(c, "name"), text(c, "phone"), text(c, "email"))));
            return list;
        }

        private List<PurchaseOrder.Party> parties() {
            List<PurchaseOrder.Party> list = new ArrayList<>();
            order.path("parties").forEach(p -> {
                List<String> address = new ArrayList<>();
                p.path("address").forEach(a -> address.add(a.textValue()));
                list.add(new PurchaseOrder.Party(text(p, "role"), text(p, "name"), text(p, "idQualifier"), text(p, "id"),
                        address, text(p, "city"), text(p, "state"), text(p, "postalCode"), text(p, "country")));
            });
            return list;
        }

        private List<PurchaseOrder.PaymentTerms> paymentTerms() {
            List<PurchaseOrder.PaymentTerms> list = new ArrayList<>();
            JsonNode terms = order.path("paymentTerms");
            for (int i = 0; i < terms.size(); i++) {
                JsonNode t = terms.get(i);
                String at = prefix + "/paymentTerms/" + i;
                list.add(new PurchaseOrder.PaymentTerms(text(t, "type"), decimal(t, "discountPercent", at + "/discountPercent"),
                        t.has("discountDays") ? t.get("discountDays").intValue() : null,
                        t.has("netDays") ? t.get("netDays").intValue() : null,
                        date(t, "netDueDate", at + "/netDueDate"), text(t, "description")));
            }
            return list;
        }

        private BigDecimal decimal(JsonNode node, String field, String at) {
            return JsonInput.decimal(node, field, at, errors);
        }

        private LocalDate date(JsonNode node, String field, String at) {
            return JsonInput.date(node, field, at, errors);
        }

        private static String text(JsonNode node, String field) {
            return JsonInput.text(node, field);
        }
    }
}
