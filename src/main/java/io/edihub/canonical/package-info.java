/**
 * The canonical documents every format reads into and every writer writes from: the purchase order and its
 * changes ({@link io.edihub.canonical.PurchaseOrder}, {@link io.edihub.canonical.OrderChange}), its lines and
 * delivery schedules, the monthly releases they split into ({@link io.edihub.canonical.ReleasePlanner}), the
 * customer's acceptance of a release, the delivery schedules against a blanket order
 * ({@link io.edihub.canonical.PlanningSchedule}, {@link io.edihub.canonical.ShippingSchedule}), and the
 * neutral records of what the hub sends back (order acknowledgment, ship notice, invoice) that the business
 * modules build and the format writers turn into X12 or EDIFACT. Immutable records with {@code BigDecimal} quantities and money; no storage, no Camel.
 *
 * <p>Owns no tables. May use {@code partner} (the release extension format).
 */
@ApplicationModule(displayName = "Canonical documents", allowedDependencies = {"partner"})
package io.edihub.canonical;

import org.springframework.modulith.ApplicationModule;
