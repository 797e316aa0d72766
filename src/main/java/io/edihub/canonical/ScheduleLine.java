package io.edihub.canonical;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A quantity of a line due on a date (X12 SCH, a JSON {@code schedule} entry, a CSV row).
 *
 * @param quantity     how much
 * @param unit         unit of measure
 * @param deliveryDate when the customer expects it
 * @param reference    the customer's own reference for this schedule line (SCH11), if any
 */
public record ScheduleLine(BigDecimal quantity, String unit, LocalDate deliveryDate, String reference) {

    public ScheduleLine {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(deliveryDate, "deliveryDate");
    }
}
