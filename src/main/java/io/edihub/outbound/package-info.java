/**
 * What the hub sends, stored first in the same database transaction as the change it reports: Kafka
 * messages through the transactional outbox (published with an idempotent producer, marked sent only once
 * the broker acknowledged them) and documents for the partners' {@code outbound/} folders.
 *
 * <p>Owns the tables {@code outbox_message} and {@code outbound_document}: other modules store, deliver and mark
 * documents through {@link io.edihub.outbound.OutboundDocuments} and {@link io.edihub.outbound.Outbox}. May use
 * {@code canonical}.
 */
@ApplicationModule(displayName = "Outbox and outbound documents", allowedDependencies = {"canonical"})
package io.edihub.outbound;

import org.springframework.modulith.ApplicationModule;
