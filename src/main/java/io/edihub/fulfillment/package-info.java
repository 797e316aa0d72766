/**
 * Fulfillment: release requests to the fulfillment systems as each month comes due, the shipments they
 * report back, and the ship notices (856) the customer gets for them.
 *
 * <p>Owns the tables {@code shipment} and {@code shipment_line}. Publishes the view {@code shipment_overview} (for
 * the timeline and the watchdog). May use {@code canonical}, {@code document} (the JSON reader helpers),
 * {@code forms} (the ship notice in the form the partner takes), {@code order}, {@code outbound} (the release requests'
 * outbox), {@code ops} (alerts) and {@code partner}.
 */
@ApplicationModule(displayName = "Fulfillment", allowedDependencies = {"canonical", "document", "forms", "ops", "order", "outbound", "partner"})
package io.edihub.fulfillment;

import org.springframework.modulith.ApplicationModule;
