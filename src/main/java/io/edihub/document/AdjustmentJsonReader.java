package io.edihub.document;

import com.fasterxml.jackson.databind.JsonNode;
import io.edihub.canonical.Adjustment;
import io.edihub.canonical.InputError;
import io.edihub.canonical.PurchaseOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Reads a customer's credit/debit adjustment of one of our invoices as JSON (the published schema
 * {@value #SCHEMA_ID}; the JSON form of an X12 812), or says precisely what is wrong with it: the size limit first
 * (before any parsing), then JSON syntax (line and column), then the schema (one error per violation, at its JSON
 * pointer), then the rules the schema cannot say (money in cents, a line adjusted once and stating something, lines
 * adding up to the amount). One document is one adjustment. Thread-safe: the schema is compiled once and shared.
 */
public final class AdjustmentJsonReader extends SizeLimitedReader<AdjustmentDocument> {

    /** The published schema's id. */
    public static final String SCHEMA_ID = "https://edihub.io/schemas/adjustment.v1.schema.json";
    /** The schema on the classpath, for whoever publishes it (HTTP, documentation). */
    public static final String SCHEMA_RESOURCE = "schemas/adjustment.v1.schema.json";

    private static final PublishedSchema SCHEMA = PublishedSchema.load(SCHEMA_RESOURCE, new PublishedSchema.Wording(
            "an adjustment: a document holds one credit or debit adjustment, a JSON object",
            Map.of("quantity", PublishedSchema.Wording.number("greater than zero", "12.5"),
                    "price", PublishedSchema.Wording.number("of zero or more", "42.5"),
                    "amount", "an amount greater than zero with at most 2 decimals, written as a JSON number or as a "
                            + "string like \"637.50\""),
            Map.of("direction", "credit or debit",
                    "currency", "an ISO 4217 currency code of 3 capital letters, such as USD"),
            Map.of()));

    /**
     * @param maxBytes the largest document read; a larger one is refused before it is parsed
     */
    public AdjustmentJsonReader(long maxBytes) {
        super(maxBytes);
    }

    @Override
    protected AdjustmentDocument refused(InputError error) {
        return AdjustmentDocument.refused(List.of(error));
    }

    @Override
    protected AdjustmentDocument readWithinLimit(String partnerId, String fileName, byte[] content) {
        JsonNode root;
        try {
            root = JsonInput.parse(content, "adjustment", "");
        } catch (JsonInput.NotJson e) {
            return refused(e.error());
        }
        InputErrors errors = new InputErrors();
        SCHEMA.validate(root, "").forEach(errors::add);
        if (!errors.isEmpty()) {
            return AdjustmentDocument.refused(errors.list());
        }
        String adjustmentNumber = JsonInput.text(root, "adjustmentNumber");
        LocalDate adjustmentDate = JsonInput.date(root, "adjustmentDate", "/adjustmentDate", errors);
        LocalDate invoiceDate = JsonInput.date(root, "invoiceDate", "/invoiceDate", errors);
        BigDecimal amount = money(root, "amount", "/amount", errors);
        AdjustmentLines lines = new AdjustmentLines(adjustmentNumber);
        JsonNode lineNodes = root.path("lines");
        for (int i = 0; i < lineNodes.size(); i++) {
            JsonNode node = lineNodes.get(i);
            String at = "/lines/" + i;
            int before = errors.size();
            BigDecimal quantity = JsonInput.decimal(node, "quantity", at + "/quantity", errors);
            BigDecimal unitPrice = JsonInput.decimal(node, "unitPrice", at + "/unitPrice", errors);
            BigDecimal lineAmount = money(node, "amount", at + "/amount", errors);
            String number = JsonInput.text(node, "lineNumber");
            Adjustment.Line line = errors.size() > before ? null
                    : new Adjustment.Line(number, JsonInput.text(node, "reason"), JsonInput.text(node, "buyerPart"),
                            JsonInput.text(node, "vendorPart"), quantity, JsonInput.text(node, "unit"), unitPrice,
                            lineAmount);
            lines.add(number, line, at + "/lineNumber", at, errors);
        }
        List<Adjustment.Line> read = lines.lines(amount, "/amount", errors);
        if (!errors.isEmpty()) {
            return AdjustmentDocument.refused(errors.list());
        }
        PurchaseOrder.SourceDocument source = new PurchaseOrder.SourceDocument("JSON", fileName, null, null, null, null);
        return new AdjustmentDocument(List.of(new Adjustment(partnerId, adjustmentNumber, adjustmentDate,
                JsonInput.text(root, "invoiceNumber"), invoiceDate, JsonInput.text(root, "poNumber"),
                "credit".equals(JsonInput.text(root, "direction")), amount, JsonInput.text(root, "currency"),
                JsonInput.text(root, "reason"), JsonInput.text(root, "reasonText"), read, source)), List.of());
    }

    /** An amount the schema let through, or null when absent; an error when it has more than two decimals. */
    private static BigDecimal money(JsonNode node, String field, String at, InputErrors errors) {
        JsonNode value = node.get(field);
        BigDecimal number = JsonInput.decimal(node, field, at, errors);
        if (number != null && number.stripTrailingZeros().scale() > AdjustmentLines.AMOUNT_DECIMALS) {
            errors.add(AdjustmentLines.tooPrecise(at, JsonInput.shown(value)));
            return null;
        }
        return number;
    }
}
