package io.edihub.document;


import com.fasterxml.jackson.databind.JsonNode;
import io.edihub.canonical.Acceptance;
import io.edihub.canonical.InputError;
import io.edihub.canonical.PurchaseOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a customer's acceptance of one delivered release as JSON (the published schema {@value #SCHEMA_ID}),
 * or says precisely what is wrong with it: the size limit first (before any parsing), then JSON syntax
 * (line and column), then the schema (one error per violation, at its JSON pointer), then the rules the
 * schema cannot say (a line judged once, a line stating something). One document is one acceptance.
 * Thread-safe: the schema is compiled once and shared.
 */
public final class AcceptanceJsonReader extends SizeLimitedReader<AcceptanceDocument> {

    /** The published schema's id. */
    public static final String SCHEMA_ID = "https://edihub.io/schemas/acceptance.v1.schema.json";
    /** The schema on the classpath, for whoever publishes it (HTTP, documentation). */
    public static final String SCHEMA_RESOURCE = "schemas/acceptance.v1.schema.json";

    private static final List<String> QUANTITIES = List.of("accepted", "returned", "disputed");
    private static final Pattern QUANTITY_AT = Pattern.compile("/lines/\\d+/(accepted|returned|disputed)");

    private static final PublishedSchema SCHEMA = PublishedSchema.load(SCHEMA_RESOURCE, new PublishedSchema.Wording(
            "an acceptance: a document holds one acceptance of one release, a JSON object",
            Map.of("quantity", PublishedSchema.Wording.number("of zero or more", "12.5")),
            Map.of("acceptanceId", "a text of 1 to 80 characters"),
            Map.of()));

    /**
     * @param maxBytes the largest document read; a larger one is refused before it is parsed
     */
    public AcceptanceJsonReader(long maxBytes) {
        super(maxBytes);
    }

    @Override
    protected AcceptanceDocument refused(InputError error) {
        return AcceptanceDocument.refused(List.of(error));
    }

    @Override
    protected AcceptanceDocument readWithinLimit(String partnerId, String fileName, byte[] content) {
        JsonNode root;
        try {
            root = JsonInput.parse(content, "acceptance", "");
        } catch (JsonInput.NotJson e) {
            return refused(e.error());
        }
        InputErrors errors = new InputErrors();
        for (InputError violation : SCHEMA.validate(root, "")) {
            errors.add(negativeOrAsIs(root, violation));
        }
        if (!errors.isEmpty()) {
            return AcceptanceDocument.refused(errors.list());
        }
        String releaseId = JsonInput.text(root, "releaseId");
        LocalDate acceptedOn = JsonInput.date(root, "acceptedOn", "/acceptedOn", errors);
        AcceptanceLines lines = new AcceptanceLines(releaseId);
        JsonNode lineNodes = root.path("lines");
        for (int i = 0; i < lineNodes.size(); i++) {
            JsonNode node = lineNodes.get(i);
            String at = "/lines/" + i;
            int before = errors.size();
            BigDecimal[] quantities = new BigDecimal[QUANTITIES.size()];
            for (int q = 0; q < quantities.length; q++) {
                quantities[q] = JsonInput.decimal(node, QUANTITIES.get(q), at + "/" + QUANTITIES.get(q), errors);
            }
            String number = JsonInput.text(node, "lineNumber");
            Acceptance.Line line = errors.size() > before ? null
                    : new Acceptance.Line(number, quantities[0], quantities[1], quantities[2], JsonInput.text(node, "unit"),
                            JsonInput.text(node, "condition"), JsonInput.text(node, "reason"));
            lines.add(number, line, at + "/lineNumber", at, errors);
        }
        if (!errors.isEmpty()) {
            return AcceptanceDocument.refused(errors.list());
        }
        PurchaseOrder.SourceDocument source = new PurchaseOrder.SourceDocument("JSON", fileName, null, null, null, null);
        return new AcceptanceDocument(List.of(new Acceptance(partnerId, JsonInput.text(root, "acceptanceId"),
                JsonInput.text(root, "poNumber"), releaseId, acceptedOn, false, lines.lines(), source)), List.of());
    }

    /** A quantity the schema refused for being below zero, said as such: the customer subtracted what it returned. */
    private static InputError negativeOrAsIs(JsonNode root, InputError violation) {
        Matcher quantity = QUANTITY_AT.matcher(violation.location());
        if (!quantity.matches()) {
            return violation;
        }
        JsonNode value = root.at(violation.location());
        BigDecimal number;
        try {
            number = value.isNumber() ? value.decimalValue() : value.isTextual() ? new BigDecimal(value.textValue()) : null;
        } catch (NumberFormatException e) {
            // not a number at all: the schema's words say it
            number = null;
        }
        return number != null && number.signum() < 0
                ? AcceptanceLines.negative(violation.location(), JsonInput.shown(value), quantity.group(1))
                : violation;
    }
}
