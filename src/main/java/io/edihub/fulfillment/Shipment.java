package io.edihub.fulfillment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a logistics system reports it shipped for one release ({@code edihub.shipments.v1}).
 *
 * @param shipmentId     the logistics system's id of the shipment: applying it twice is a duplicate
 * @param partnerId      the customer the release belongs to
 * @param releaseId      the release it ships ({@code 4500012345-03})
 * @param shipDate       the day the goods left
 * @param carrier        the carrier's code or name, if known
 * @param trackingNumber the carrier's tracking number, if known
 * @param lines          shipped quantity per order line
 */
public record Shipment(String shipmentId, String partnerId, String releaseId, LocalDate shipDate, String carrier,
        String trackingNumber, List<Line> lines) {

    public Shipment {
        Objects.requireNonNull(shipmentId, "shipmentId");
        lines = List.copyOf(lines);
    }

    /** @param lineNumber the PO line number; quantity shipped in the release's unit */
    public record Line(String lineNumber, BigDecimal quantity, String unit) {
    }
}
