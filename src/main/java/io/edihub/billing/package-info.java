/**
 * Billing: the customer's acceptance of delivered releases (861, JSON, CSV, HTTP), the invoices made from
 * it at the contract's price and terms (810 and an invoice event) with the payment clock the terms give (the day they
 * run from, due date, the discount's last day and amount), goods accepted after all when a claim is
 * settled so, and the credit notes that give money back on an invoice, never more than it billed. Nothing is
 * invoiced that the customer did not accept, and nothing twice.
 *
 * <p>Owns the tables {@code acceptance}, {@code acceptance_line}, {@code invoice}, {@code invoice_line},
 * {@code invoice_sequence}, {@code credit_note}, {@code credit_note_line}, {@code credit_note_sequence}. Publishes
 * the views {@code acceptance_overview}, {@code acceptance_line_overview}, {@code invoice_overview} and
 * {@code invoice_line_overview} (for the timeline, the watchdog, the metrics and the contract statement). May use
 * {@code canonical}, {@code forms} (the invoice in the form the partner takes), {@code fulfillment} (what was shipped),
 * {@code order}, {@code outbound}, {@code ops} (alerts), {@code partner} and {@code x12}.
 */
@ApplicationModule(displayName = "Billing", allowedDependencies = {"canonical", "forms", "fulfillment", "ops", "order", "outbound", "partner", "x12"})
package io.edihub.billing;

import org.springframework.modulith.ApplicationModule;
