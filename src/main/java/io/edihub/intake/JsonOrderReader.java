package io.edihub.intake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.edihub.order.InputError;
import io.edihub.order.OrderChange;
import io.edihub.order.OrderChange.LineChange;
import io.edihub.order.OrderLine;
import io.edihub.order.OrderMessage;
import io.edihub.order.PurchaseOrder;
import io.edihub.order.PurchaseOrder.Purpose;
import io.edihub.order.ScheduleLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
public final class JsonOrderReader extends SizeLimitedReader {

    /** The published schema's id. */
    public static final String SCHEMA_ID = "https://edihub.io/schemas/purchase-order.v1.schema.json";
    /** The schema on the classpath, for whoever publishes it (HTTP, documentation). */
    public static final String SCHEMA_RESOURCE = "schemas/purchase-order.v1.schema.json";

    private static final int MAX_DEPTH = 32;
    private static final int MAX_DECIMALS = 6;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // a price of 42.50 stays 42.50, as sent
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private static final JsonNode SCHEMA_TREE = loadSchemaTree();
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SCHEMA_TREE, SchemaValidatorsConfig.builder()
                    .pathType(PathType.JSON_POINTER)
                    // networknt does not assert "format" by default: a 2027-02-30 must fail
                    .formatAssertionsEnabled(true)
                    .locale(Locale.ENGLISH)
                    .build());

    /**
     * @param maxBytes the largest document read; a larger one is refused before it is parsed
     */
    public JsonOrderReader(long maxBytes) {
        super(maxBytes);
    }

    @Override
    public OrderDocument read(String partnerId, String fileName, byte[] content) {
        if (content.length > maxBytes()) {
            return OrderDocument.refused(OrderFormat.JSON, List.of(OrderDocument.tooLarge(maxBytes())));
        }
        JsonNode root;
        try {
            root = parse(content);
        } catch (NotJson e) {
            return OrderDocument.refused(OrderFormat.JSON, List.of(e.error));
        }
        List<JsonNode> orders = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        if (root.isArray()) {
            if (root.isEmpty()) {
                return OrderDocument.refused(OrderFormat.JSON,
                        List.of(new InputError("/", "EMPTY", "the list of orders is empty")));
            }
            for (int i = 0; i < root.size(); i++) {
                orders.add(root.get(i));
                prefixes.add("/" + i);
            }
        } else {
            orders.add(root);
            prefixes.add("");
        }
        OrderDocument.Errors errors = new OrderDocument.Errors();
        for (int i = 0; i < orders.size(); i++) {
            validate(orders.get(i), prefixes.get(i), errors);
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

    // --- syntax ---------------------------------------------------------------------------------------

    private static JsonNode parse(byte[] content) throws NotJson {
        try (JsonParser parser = MAPPER.createParser(content)) {
            JsonNode root;
            try {
                root = MAPPER.readTree(parser);
            } catch (StreamConstraintsException e) {
                throw new NotJson(at(parser.currentLocation()), plain(e));
            } catch (JsonProcessingException e) {
                throw new NotJson(at(e.getLocation() != null ? e.getLocation() : parser.currentLocation()), plain(e));
            }
            if (root == null || root.isMissingNode()) {
                throw new NotJson("line 1, column 1", "the document is empty: a JSON order was expected");
            }
            try {
                if (parser.nextToken() != null) {
                    throw new NotJson(at(parser.currentTokenLocation()),
                            "more content after the end of the order: a document holds one JSON value"
                                    + " (several orders go in one array)");
                }
            } catch (JsonProcessingException e) {
                throw new NotJson(at(e.getLocation() != null ? e.getLocation() : parser.currentLocation()),
                        "more content after the end of the order: " + plain(e));
            }
            return root;
        } catch (IOException e) {
            // reading a byte array fails only through the parser, handled above
            throw new UncheckedIOException(e);
        }
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "line 1, column 1";
        }
        return "line " + location.getLineNr() + ", column " + Math.max(1, location.getColumnNr());
    }

    private static final class NotJson extends Exception {

        private static final long serialVersionUID = 1L;
        final transient InputError error;

        NotJson(String location, String message) {
            super(message, null, false, false);
            this.error = new InputError(location, "NOT_JSON", message);
        }
    }

    private static final String JSON_VALUE = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
    private static final Pattern UNEXPECTED_CHARACTER = Pattern.compile("Unexpected character \\('(.*?)' \\(code \\d+\\)\\)(.*)",
            Pattern.DOTALL);
    private static final Pattern START_MARKER = Pattern.compile(
            "\\s*\\((?:start marker at|for \\w+ starting at) \\[Source: .*?; line: (\\d+), column: (\\d+)\\]\\)");
    private static final Pattern SOURCE = Pattern.compile("\\s*at \\[Source: .*?\\]");
    private static final Pattern NESTING = Pattern.compile(".*nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
            Pattern.DOTALL);

    /** Jackson's message in the sender's words, without Jackson's own names. */
    static String plain(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return "not valid JSON";
        }
        Matcher nesting = NESTING.matcher(m);
        if (nesting.matches()) {
            return "the document is nested more than " + nesting.group(2) + " levels deep";
        }
        Matcher unexpected = UNEXPECTED_CHARACTER.matcher(m);
        if (unexpected.matches()) {
            String rest = unexpected.group(2).replaceFirst("^: ", "");
            return "unexpected character '" + unexpected.group(1) + "'" + (rest.isBlank() ? "" : ": " + expectation(rest));
        }
        if (m.startsWith("Unexpected end-of-input")) {
            Matcher start = START_MARKER.matcher(m);
            String what = m.contains("Array") ? "a list" : m.contains("Object") ? "an object" : "a value";
            return "the document ends before " + what + (start.find()
                    ? " opened at line " + start.group(1) + ", column " + start.group(2) : "") + " is closed";
        }
        if (m.startsWith("Unexpected close marker")) {
            Matcher start = START_MARKER.matcher(m);
            String closer = m.replaceFirst("Unexpected close marker '(.)'.*", "$1").replace("\n", "");
            if (start.find()) {
                return "unexpected '" + closer + "': the " + (m.contains("for Array") ? "list" : "object")
                        + " opened at line " + start.group(1) + ", column " + start.group(2) + " is not closed yet";
            }
            return "unexpected '" + closer + "': nothing open to close";
        }
        if (m.startsWith("Unrecognized token '")) {
            String token = m.substring("Unrecognized token '".length(), m.indexOf('\'', "Unrecognized token '".length()));
            return "unrecognized word '" + token + "': expected a value (text in double quotes, a number, a list, an object,"
                    + " true, false or null)";
        }
        if (m.startsWith("Duplicate field '")) {
            return "field '" + m.substring("Duplicate field '".length()).replaceFirst("'.*", "")
                    + "' appears twice in the same object";
        }
        if (m.startsWith("Illegal unquoted character")) {
            return "a control character (a line break or tab) inside a text must be written escaped, as \\n or \\t";
        }
        if (m.startsWith("Invalid UTF-8")) {
            return "the document is not UTF-8 text (" + m.toLowerCase(Locale.ROOT).replaceFirst("^invalid utf-8 ", "") + ")";
        }
        if (m.startsWith("Non-standard token '")) {
            return m.replaceFirst("Non-standard token '(.*?)'.*", "'$1' is not a JSON number");
        }
        String cleaned = SOURCE.matcher(START_MARKER.matcher(m).replaceAll("")).replaceAll("")
                .replace(JSON_VALUE, "a value").replaceAll("\\s*\\(code \\d+\\)", "").replace("\n", " ").strip();
        return cleaned.isEmpty() ? "not valid JSON" : Character.toLowerCase(cleaned.charAt(0)) + cleaned.substring(1);
    }

    private static String expectation(String jackson) {
        String s = jackson.strip();
        if (s.startsWith("was expecting double-quote to start field name")) {
            return "expected a field name in double quotes (a comma too many, or single quotes?)";
        }
        if (s.startsWith("was expecting a colon")) {
            return "expected a colon between field name and value";
        }
        if (s.startsWith("was expecting comma to separate Object entries")) {
            return "expected a comma between fields";
        }
        if (s.startsWith("was expecting comma to separate Array entries")) {
            return "expected a comma between list entries";
        }
        if (s.startsWith("expected a valid value")) {
            return "expected a value (text in double quotes, a number, a list, an object, true, false or null)";
        }
        s = SOURCE.matcher(s).replaceAll("").replace(JSON_VALUE, "a value").replaceAll("\\s*\\(code \\d+\\)", "")
                .replaceFirst("^in numeric value: ", "in a number: ").replace(", for valid numeric value", "");
        return s.replaceFirst("^was expecting", "expected");
    }

    // --- schema ---------------------------------------------------------------------------------------

    private static JsonNode loadSchemaTree() {
        try (InputStream in = JsonOrderReader.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is not on the classpath");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + SCHEMA_RESOURCE, e);
        }
    }

    private static void validate(JsonNode order, String prefix, OrderDocument.Errors errors) {
        List<ValidationMessage> violations = new ArrayList<>(SCHEMA.validate(order));
        Map<ValidationMessage, List<Integer>> position = new HashMap<>();
        for (ValidationMessage v : violations) {
            position.put(v, documentOrder(order, v));
        }
        violations.sort(Comparator.comparing(position::get, JsonOrderReader::compareOrder));
        Set<InputError> seen = new LinkedHashSet<>();
        for (ValidationMessage v : violations) {
            seen.add(violation(v, prefix));
        }
        seen.forEach(errors::add);
    }

    /** Where a violation is in the document as the sender wrote it: field by field, entry by entry. */
    private static List<Integer> documentOrder(JsonNode order, ValidationMessage v) {
        List<Integer> key = new ArrayList<>();
        JsonNode node = order;
        JsonNodePath path = v.getInstanceLocation();
        List<Object> elements = new ArrayList<>();
        for (int i = 0; i < path.getNameCount(); i++) {
            elements.add(path.getElement(i));
        }
        if (v.getProperty() != null) {
            elements.add(v.getProperty());
        }
        for (Object element : elements) {
            if (element instanceof Integer index) {
                key.add(index);
                node = node.path(index);
            } else {
                String name = element.toString();
                int index = 0;
                // a missing field (required) is listed before the fields that are there
                int found = -1;
                for (Iterator<String> names = node.fieldNames(); names.hasNext(); index++) {
                    if (names.next().equals(name)) {
                        found = index;
                        break;
                    }
                }
                key.add(found);
                node = node.path(name);
            }
        }
        return key;
    }

    private static int compareOrder(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** What a value of a schema definition must be, in the sender's words. */
    private static final Map<String, String> EXPECTED_BY_DEFINITION = Map.of(
            "date", "a date written YYYY-MM-DD",
            "quantity", "a number greater than zero, written as a JSON number or as a string like \"12.5\""
                    + " (at most 15 digits before and 6 after the point)",
            "amount", "a number of zero or more, written as a JSON number or as a string like \"42.50\""
                    + " (at most 15 digits before and 6 after the point)",
            "days", "a whole number of days from 0 to 3660",
            "unit", "a unit of measure code of 2 or 3 capital letters or digits, such as EA or C62",
            "id", "a text of 1 to 35 characters",
            "text", "a text of at most 256 characters");

    /** What a field must be, where its schema is its own rather than a shared definition. */
    private static final Map<String, String> EXPECTED_BY_FIELD = Map.ofEntries(
            Map.entry("purpose", "one of original, change, replace or cancel"),
            Map.entry("action", "set or delete"),
            Map.entry("type", "a two-letter X12 order type such as SA, BK or RL"),
            Map.entry("currency", "a three-letter ISO 4217 currency code such as USD"),
            Map.entry("country", "a two-letter ISO 3166 country code such as US"),
            Map.entry("role", "an X12 entity code such as ST (ship-to) or BT (bill-to)"),
            Map.entry("lineNumber", "a text of 1 to 35 characters or a whole number"),
            Map.entry("otherParts", "an object of product id qualifier to part number"));

    private static final Pattern DEFINITION = Pattern.compile("^/\\$defs/(\\w+)/[^/]+$");

    private static InputError violation(ValidationMessage v, String prefix) {
        String location = pointer(prefix, v.getInstanceLocation());
        String keyword = v.getType();
        String fragment = fragment(v);
        switch (keyword) {
            case "required" -> {
                return new InputError(child(location, v.getProperty()), "SCHEMA",
                        "required field '" + v.getProperty() + "' is missing");
            }
            case "additionalProperties" -> {
                return new InputError(child(location, v.getProperty()), "SCHEMA", unknownField(v.getProperty(), fragment));
            }
            case "propertyNames" -> {
                return new InputError(child(location, v.getProperty()), "SCHEMA", "'" + v.getProperty()
                        + "' is not a product id qualifier (2 capital letters or digits, such as UP or CB)");
            }
            case "minItems" -> {
                return new InputError(location, "SCHEMA", "must not be empty");
            }
            case "maxItems" -> {
                return new InputError(location, "SCHEMA", "holds more than " + v.getSchemaNode().asText() + " entries");
            }
            default -> {
                if ("type".equals(keyword) && v.getInstanceLocation().getNameCount() == 0) {
                    return new InputError(location, "SCHEMA", shown(v.getInstanceNode())
                            + " is not an order: an order is a JSON object, several orders a list of them");
                }
                String expected = null;
                Matcher definition = DEFINITION.matcher(fragment);
                if (definition.matches()) {
                    expected = EXPECTED_BY_DEFINITION.get(definition.group(1));
                }
                if (expected == null) {
                    expected = EXPECTED_BY_FIELD.get(lastName(v.getInstanceLocation()));
                }
                if (expected == null) {
                    String message = v.getMessage();
                    int colon = message.indexOf(": ");
                    return new InputError(location, "SCHEMA", colon >= 0 ? message.substring(colon + 2) : message);
                }
                return new InputError(location, "SCHEMA", shown(v.getInstanceNode()) + " is not " + expected);
            }
        }
    }

    private static String fragment(ValidationMessage v) {
        String location = String.valueOf(v.getSchemaLocation());
        int hash = location.indexOf('#');
        return hash >= 0 ? location.substring(hash + 1) : "";
    }

    private static String unknownField(String name, String fragment) {
        if ("partnerId".equals(name)) {
            return "unknown field 'partnerId': the partner is the one the document arrives from, not named in it";
        }
        String parent = fragment.replaceFirst("/additionalProperties$", "");
        List<String> known = new ArrayList<>();
        SCHEMA_TREE.at(parent).path("properties").fieldNames().forEachRemaining(known::add);
        String suggestion = OrderDocument.closest(name, known);
        return "unknown field '" + name + "'" + (suggestion != null ? " (did you mean '" + suggestion + "'?)" : "");
    }

    private static String lastName(JsonNodePath path) {
        for (int i = path.getNameCount() - 1; i >= 0; i--) {
            Object element = path.getElement(i);
            if (!(element instanceof Integer)) {
                return element.toString();
            }
        }
        return "";
    }

    private static String pointer(String prefix, JsonNodePath path) {
        String p = prefix + path.toString();
        return p.isEmpty() ? "/" : p;
    }

    private static String child(String location, String name) {
        String escaped = name.replace("~", "~0").replace("/", "~1");
        return ("/".equals(location) ? "" : location) + "/" + escaped;
    }

    /** A value as it appears in an error: short, quoted when it is text. */
    static String shown(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isTextual()) {
            String text = value.textValue();
            if (text.isEmpty()) {
                return "an empty text";
            }
            return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "a list";
        }
        String text = value.asText();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    // --- the hub's rules and the canonical order ------------------------------------------------------

    /** One schema-valid order node to its canonical message, adding the hub's rules. */
    private static final class OrderMapping {

        private final String partnerId;
        private final String fileName;
        private final JsonNode order;
        private final String prefix;
        private final OrderDocument.Errors errors;
        private final int before;

        OrderMapping(String partnerId, String fileName, JsonNode order, String prefix, OrderDocument.Errors errors) {
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

        /** A number the schema let through, with the hub's limit on decimals (1e-400 passes a schema). */
        private BigDecimal decimal(JsonNode node, String field, String at) {
            JsonNode value = node.get(field);
            if (value == null) {
                return null;
            }
            BigDecimal number = value.isNumber() ? value.decimalValue() : new BigDecimal(value.textValue());
            if (number.stripTrailingZeros().scale() > MAX_DECIMALS) {
                errors.add(new InputError(at, "BAD_NUMBER",
                        shown(value) + " has more than " + MAX_DECIMALS + " decimal places"));
                return null;
            }
            return number;
        }

        private LocalDate date(JsonNode node, String field, String at) {
            JsonNode value = node.get(field);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value.textValue());
            } catch (DateTimeParseException e) {
                // the schema's format check makes this a defence only
                errors.add(new InputError(at, "SCHEMA",
                        shown(value) + " is not a date written YYYY-MM-DD"));
                return null;
            }
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }
    }
}
