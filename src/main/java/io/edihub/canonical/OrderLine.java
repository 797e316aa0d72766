package io.edihub.canonical;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One line of a purchase order.
 *
 * @param lineNumber  the customer's line number (PO101), or its position when the customer sent none
 * @param buyerPart   the customer's part number (BP / IN / ...)
 * @param vendorPart  our part number at the customer (VP / VN)
 * @param otherParts  further product ids, qualifier to value (UP, CB, ...)
 * @param description free-form description (PID05)
 * @param quantity    ordered quantity (PO102)
 * @param unit        unit of measure (PO103)
 * @param unitPrice   unit price as sent (PO104); the contract price is applied later
 * @param schedule    when which quantity is due; never empty (a line without SCH gets one entry)
 */
public record OrderLine(
        String lineNumber,
        String buyerPart,
        String vendorPart,
        java.util.Map<String, String> otherParts,
        String description,
        BigDecimal quantity,
        String unit,
        BigDecimal unitPrice,
        List<ScheduleLine> schedule) {

    public OrderLine {
        Objects.requireNonNull(lineNumber, "lineNumber");
        Objects.requireNonNull(quantity, "quantity");
        otherParts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(otherParts));
        schedule = List.copyOf(schedule);
    }
}
