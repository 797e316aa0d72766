package io.edihub.canonical;

import java.util.List;

/** An accepted order with the monthly releases its schedule splits into. */
public record PlannedOrder(PurchaseOrder order, List<Release> releases) {

    public PlannedOrder {
        releases = List.copyOf(releases);
    }
}
