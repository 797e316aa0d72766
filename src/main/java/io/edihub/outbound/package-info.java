/**
 * What the hub sends, stored first in the same database transaction as the change it reports: Kafka
 * messages through the transactional outbox (published with an idempotent producer, marked sent only once
 * the broker acknowledged them) and documents for the partners' {@code outbound/} folders.
 *
 * <p>Owns the tables {@code outbox_message} and {@code outbound_document}: other modules store, deliver and mark
 * documents through {@link io.edihub.outbound.OutboundDocuments} and {@link io.edihub.outbound.Outbox}. Publishes
 * the views {@code outbound_document_overview} and {@code outbox_backlog}: what was sent and the partner's 997 on it
 * (for the timeline and the watchdog), and what the broker has not acknowledged yet (for the metrics). May use
 * {@code canonical}.
 */
@ApplicationModule(displayName = "Outbox and outbound documents", allowedDependencies = {"canonical"})
package io.edihub.outbound;

import org.springframework.modulith.ApplicationModule;
