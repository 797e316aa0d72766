/**
 * Fulfillment: release requests to the fulfillment systems as each month comes due, the shipments they
 * report back, and the ship notices (856) the customer gets for them.
 *
 * <p>Owns the tables {@code shipment} and {@code shipment_line}. Publishes the view {@code shipment_overview} (for
 * the timeline and the watchdog). May use {@code canonical}, {@code document} (the JSON reader helpers),
 * {@code order}, {@code outbound}, {@code ops} (alerts), {@code partner} and {@code x12} (the 856 writer, control
 * numbers).
 */
@ApplicationModule(displayName = "Fulfillment", allowedDependencies = {"canonical", "document", "ops", "order", "outbound", "partner", "x12"})
package io.edihub.fulfillment;

import org.springframework.modulith.ApplicationModule;
