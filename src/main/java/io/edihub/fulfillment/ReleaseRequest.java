package io.edihub.fulfillment;

import io.edihub.canonical.PurchaseOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * What fulfillment is asked to ship for one monthly release ({@code edihub.release-requests.v1}, keyed by
 * release id; schema {@code schemas/release-request.v1.schema.json}).
 *
 * @param requestId      stable for the release: a replay or a second hub instance sends the same id
 * @param partnerId      the customer
 * @param poNumber       the purchase order
 * @param releaseId      the release ({@code 4500012345-03}), to be quoted on every shipment
 * @param month          the delivery month
 * @param firstDueDate   the earliest due date of its lines
 * @param priority       the customer's tier: 1 is served first
 * @param contractNumber the customer contract, if any
 * @param shipTo         where the goods go (the order's ST party), if the order named one
 * @param lines          what to ship, when
 * @param requestedAt    when the hub asked
 */
record ReleaseRequest(String requestId, String partnerId, String poNumber, String releaseId, YearMonth month,
        LocalDate firstDueDate, int priority, String contractNumber, PurchaseOrder.Party shipTo, List<Line> lines,
        Instant requestedAt) {

    public ReleaseRequest {
        lines = List.copyOf(lines);
    }

    /** @param lineNumber the PO line number; quantity in unit, due on dueDate */
    public record Line(String lineNumber, String buyerPart, String vendorPart, String description, BigDecimal quantity,
            String unit, LocalDate dueDate) {
    }
}
