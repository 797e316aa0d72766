/**
 * Claims: what happens after the customer says "not these". Goods it returned or disputes on an acceptance
 * (before invoicing) and goods it disputes on one of our invoices (an 812, a deduction on a payment, an operator)
 * become claims, each with its lines, reason and every step recorded, {@code OPEN → SETTLING → SETTLED | DENIED}.
 * Only a person settles one, over HTTP: replace (a replacement release, {@code 4500012345-03-R1}), return (a return
 * authorization; the goods' arrival back on {@code edihub.returns.v1} settles it), accept after all (invoiced through
 * billing, once), write off (the loss recorded), credit (a credit note from billing, never above what was billed)
 * or deny. A release stays open while a claim on it is.
 *
 * <p>Owns the tables {@code claim}, {@code claim_line}, {@code claim_settlement}, {@code claim_event},
 * {@code goods_return}. Publishes the view {@code claim_overview} (for the timeline and the watchdog). May use
 * {@code billing} (acceptances, invoices, credit notes), {@code canonical}, {@code order} (the release ledger),
 * {@code outbound}, {@code ops} (alerts), {@code partner}, {@code forms} (credit notes and return authorizations in the
 * form the partner takes), and {@code x12} and {@code document} (824 denials, or their JSON).
 */
@ApplicationModule(displayName = "Claims", allowedDependencies = {"billing", "canonical", "document", "forms", "ops", "order", "outbound", "partner", "x12"})
package io.edihub.claims;

import org.springframework.modulith.ApplicationModule;
