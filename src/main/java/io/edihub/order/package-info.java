/**
 * Orders on file: every purchase order, its revisions and changes, its lines, schedules and monthly
 * releases, the quantities each release line went through (ordered, released, shipped, accepted, rejected,
 * invoiced) and the decisions and events recorded against it. The only module that writes these tables;
 * fulfillment, billing and policy change a release through {@link io.edihub.order.ReleaseLedger},
 * {@link io.edihub.order.ReleaseQuantities} and {@link io.edihub.order.OrderStore}.
 *
 * <p>Owns the tables {@code purchase_order}, {@code order_revision}, {@code order_line},
 * {@code order_release}, {@code release_line}, {@code order_review}, {@code order_decision}, {@code order_event}.
 * Publishes the views {@code order_overview}, {@code order_revision_overview}, {@code order_event_overview},
 * {@code held_order}, {@code release_overview}, {@code release_line_overview}, {@code release_line_part_overview} and
 * {@code schedule_line_overview}, which the timeline, the watchdog, dead-letter replays, the metrics and the contract
 * statement read (the last lists each order line's schedule from the canonical order, which alone keeps it). May use {@code canonical} and {@code partner}.
 */
@ApplicationModule(displayName = "Orders and releases", allowedDependencies = {"canonical", "partner"})
package io.edihub.order;

import org.springframework.modulith.ApplicationModule;
