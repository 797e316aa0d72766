package io.edihub.fulfillment;

import com.fasterxml.jackson.databind.JsonNode;
import io.edihub.canonical.InputError;
import io.edihub.document.InputErrors;
import io.edihub.document.JsonInput;
import io.edihub.document.PublishedSchema;
import io.edihub.document.SizeLimit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a shipment event from logistics (a record's value on {@code edihub.shipments.v1}, the published
 * schema {@value #SCHEMA_ID}) into a {@link Shipment}, or says what is wrong with it: the size limit first,
 * then JSON syntax (line and column), then the schema (one error per violation, at its JSON pointer).
 * Unlike a customer's document, the event names its partner: logistics ships for every customer on one
 * topic. Thread-safe: the schema is compiled once and shared.
 */
final class ShipmentReader {

    /** The published schema's id. */
    public static final String SCHEMA_ID = "https://edihub.io/schemas/shipment.v1.schema.json";
    /** The schema on the classpath, for whoever publishes it. */
    public static final String SCHEMA_RESOURCE = "schemas/shipment.v1.schema.json";
    /** Kafka's default largest record (1 MiB): an event larger than a broker passes on is not expected. */
    public static final long DEFAULT_MAX_BYTES = 1024 * 1024;

    private static final PublishedSchema SCHEMA = PublishedSchema.load(SCHEMA_RESOURCE, new PublishedSchema.Wording(
            "a shipment: a shipment event is one JSON object",
            Map.of("quantity", PublishedSchema.Wording.number("greater than zero", "12.5")),
            Map.of("shipmentId", "a text of 1 to 80 characters",
                    "carrier", "a text of 1 to 80 characters",
                    "trackingNumber", "a text of 1 to 80 characters"),
            Map.of()));

    private final SizeLimit limit;

    /** A reader of events up to {@link #DEFAULT_MAX_BYTES}. */
    public ShipmentReader() {
        this(DEFAULT_MAX_BYTES);
    }

    /**
     * @param maxBytes the largest event read; a larger one is refused before it is parsed
     */
    public ShipmentReader(long maxBytes) {
        this.limit = new SizeLimit(maxBytes);
    }

    /**
     * What an event held: the shipment, or why it cannot be applied.
     *
     * @param shipment the shipment; null when there are errors
     * @param errors   what is wrong with the event, each saying where; empty when it was read
     */
    public record Result(Shipment shipment, List<InputError> errors) {

        public Result {
            errors = List.copyOf(errors);
            if ((shipment == null) == errors.isEmpty()) {
                throw new IllegalArgumentException("a result is a shipment or errors, never both nor neither");
            }
        }

        /** True when the event was read. */
        public boolean accepted() {
            return errors.isEmpty();
        }
    }

    /** Reads one event, its bytes as the record carries them (UTF-8 JSON). */
    public Result read(byte[] content) {
        if (limit.exceededBy(content)) {
            return refused(List.of(limit.error()));
        }
        JsonNode root;
        try {
            root = JsonInput.parse(content, "shipment", "");
        } catch (JsonInput.NotJson e) {
            return refused(List.of(e.error()));
        }
        List<InputError> violations = SCHEMA.validate(root, "");
        if (!violations.isEmpty()) {
            return refused(violations);
        }
        InputErrors errors = new InputErrors();
        LocalDate shipDate = JsonInput.date(root, "shipDate", "/shipDate", errors);
        List<Shipment.Line> lines = new ArrayList<>();
        JsonNode lineNodes = root.path("lines");
        for (int i = 0; i < lineNodes.size(); i++) {
            JsonNode line = lineNodes.get(i);
            BigDecimal quantity = JsonInput.decimal(line, "quantity", "/lines/" + i + "/quantity", errors);
            lines.add(new Shipment.Line(JsonInput.text(line, "lineNumber"), quantity, JsonInput.text(line, "unit")));
        }
        if (!errors.isEmpty()) {
            return refused(errors.list());
        }
        return new Result(new Shipment(JsonInput.text(root, "shipmentId"), JsonInput.text(root, "partnerId"),
                JsonInput.text(root, "releaseId"), shipDate, JsonInput.text(root, "carrier"),
                JsonInput.text(root, "trackingNumber"), lines), List.of());
    }

    private static Result refused(List<InputError> errors) {
        return new Result(null, errors);
    }
}
