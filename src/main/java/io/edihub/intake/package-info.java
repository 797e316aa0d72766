/**
 * Intake: takes a customer's input file from a channel (SFTP, HTTP, AS2), recognises its format, runs it through the
 * format's reader, hands what it holds to the module that acts on it (orders to policy, acceptances to billing,
 * credit/debit adjustments to whichever module implements {@link io.edihub.intake.AdjustmentReceiver},
 * remittances to whichever implements {@link io.edihub.intake.RemittanceReceiver}, 997s to
 * operations), stores the raw document with its outcome and acknowledgments, and says where the file goes
 * next; delivers outbound documents to the partners' folders, or over AS2 with their MDNs verified (docs/as2.md).
 *
 * <p>Owns the tables {@code inbound_document} and {@code interchange_receipt}. Publishes the view
 * {@code inbound_document_overview} (what came in, for the timeline, dead-letter replays and the metrics). May use
 * the format adapters ({@code x12}, {@code edifact}, {@code document}), {@code canonical}, {@code partner},
 * {@code order}, {@code policy}, {@code billing}, {@code claims} (credit adjustments become claims), {@code forms}
 * (order acknowledgments in the form the partner takes), {@code outbound} and {@code ops}.
 */
@ApplicationModule(displayName = "Intake", allowedDependencies = {"billing", "canonical", "claims", "document", "edifact", "forms", "ops", "order", "outbound", "partner", "policy", "x12"})
package io.edihub.intake;

import org.springframework.modulith.ApplicationModule;
