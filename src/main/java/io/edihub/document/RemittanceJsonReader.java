package io.edihub.document;

import com.fasterxml.jackson.databind.JsonNode;
import io.edihub.canonical.InputError;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.Remittance;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a customer's remittance as JSON (the published schema {@value #SCHEMA_ID}; the JSON form of an X12 820), or
 * says precisely what is wrong with it: the size limit first (before any parsing), then JSON syntax (line and
 * column), then the schema (one error per violation, at its JSON pointer), then the rules the schema cannot say (an
 * invoice paid once, the lines adding up to the total). One document is one payment. Thread-safe: the schema is
 * compiled once and shared.
 */
public final class RemittanceJsonReader extends SizeLimitedReader<RemittanceDocument> {

    /** The published schema's id. */
    public static final String SCHEMA_ID = "https://edihub.io/schemas/remittance.v1.schema.json";
    /** The schema on the classpath, for whoever publishes it (HTTP, documentation). */
    public static final String SCHEMA_RESOURCE = "schemas/remittance.v1.schema.json";

    private static final PublishedSchema SCHEMA = PublishedSchema.load(SCHEMA_RESOURCE, new PublishedSchema.Wording(
            "a remittance: a document holds one payment, a JSON object",
            Map.of("positiveAmount", "an amount greater than zero with at most 2 decimals, written as a JSON number or "
                    + "as a string like \"1593.75\"",
                    "amount", "an amount of zero or more with at most 2 decimals, written as a JSON number or as a "
                            + "string like \"1650.00\"",
                    "signedAmount", "an amount with at most 2 decimals, negative when less was paid, written as a JSON "
                            + "number or as a string like \"-39.75\""),
            Map.of("method", "an X12 payment method code of 3 capital letters, such as ACH, CHK or FWT",
                    "currency", "an ISO 4217 currency code of 3 capital letters, such as USD"),
            Map.of()));

    /**
     * @param maxBytes the largest document read; a larger one is refused before it is parsed
     */
    public RemittanceJsonReader(long maxBytes) {
        super(maxBytes);
    }

    @Override
    protected RemittanceDocument refused(InputError error) {
        return RemittanceDocument.refused(List.of(error));
    }

    @Override
    protected RemittanceDocument readWithinLimit(String partnerId, String fileName, byte[] content) {
        JsonNode root;
        try {
            root = JsonInput.parse(content, "remittance", "");
        } catch (JsonInput.NotJson e) {
            return refused(e.error());
        }
        InputErrors errors = new InputErrors();
        SCHEMA.validate(root, "").forEach(errors::add);
        if (!errors.isEmpty()) {
            return RemittanceDocument.refused(errors.list());
        }
        String traceNumber = JsonInput.text(root, "traceNumber");
        BigDecimal total = money(root, "total", "/total", errors);
        RemittanceLines lines = new RemittanceLines(traceNumber);
        JsonNode lineNodes = root.path("lines");
        for (int i = 0; i < lineNodes.size(); i++) {
            JsonNode node = lineNodes.get(i);
            String at = "/lines/" + i;
            int before = errors.size();
            BigDecimal paid = money(node, "paid", at + "/paid", errors);
            BigDecimal invoiceAmount = money(node, "invoiceAmount", at + "/invoiceAmount", errors);
            BigDecimal discount = money(node, "discount", at + "/discount", errors);
            List<Remittance.LineAdjustment> adjustments = new ArrayList<>();
            JsonNode adjustmentNodes = node.path("adjustments");
            for (int a = 0; a < adjustmentNodes.size(); a++) {
                JsonNode adjustment = adjustmentNodes.get(a);
                BigDecimal amount = money(adjustment, "amount", at + "/adjustments/" + a + "/amount", errors);
                adjustments.add(new Remittance.LineAdjustment(amount, JsonInput.text(adjustment, "reasonCode"),
                        JsonInput.text(adjustment, "text")));
            }
            String invoiceNumber = JsonInput.text(node, "invoiceNumber");
            Remittance.Line line = errors.size() > before ? null
                    : new Remittance.Line(invoiceNumber, paid, invoiceAmount, discount, adjustments);
            lines.add(invoiceNumber, line, at + "/invoiceNumber", at, errors);
        }
        List<Remittance.Line> read = lines.lines(total, "/total", errors);
        LocalDate paymentDate = JsonInput.date(root, "paymentDate", "/paymentDate", errors);
        if (!errors.isEmpty()) {
            return RemittanceDocument.refused(errors.list());
        }
        PurchaseOrder.SourceDocument source = new PurchaseOrder.SourceDocument("JSON", fileName, null, null, null, null);
        return new RemittanceDocument(List.of(new Remittance(partnerId, traceNumber, total,
                JsonInput.text(root, "currency"), JsonInput.text(root, "method"), paymentDate, read, source)), List.of());
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
