/**
 * Cash: what customers pay and what it pays. Each remittance (an X12 820, its JSON or CSV form, or one posted over
 * HTTP) is taken once per trace number and applied line by line to our invoices: paid in full, paid with an
 * early-payment discount earned inside the contract's window, paid short (a deduction, raised as a claim on the
 * invoice), or paid over or against no invoice we know (unapplied cash on the partner's account, applied later by an
 * operator). Every movement of cash goes to {@code edihub.payments.v1}, once. The statement of a contract
 * ({@link io.edihub.cash.ContractStatement}) sets what was ordered, delivered, billed and paid against the contract's
 * prices, and values its payment terms against the company's standard ones ({@link io.edihub.cash.CashSettings}).
 *
 * <p>Owns the tables {@code payment}, {@code payment_line}, {@code payment_application}. Publishes the views
 * {@code payment_overview} and {@code payment_application_overview} (for the watchdog, the timeline and the contract
 * statement). May use {@code billing} (the invoices' balances), {@code claims} (deductions), {@code canonical},
 * {@code intake} (it receives the remittances the intake reads), {@code ops} (alerts), {@code order},
 * {@code outbound}, {@code partner} and {@code forms} (the payment as applied, for a partner that asks for it).
 */
@ApplicationModule(displayName = "Cash", allowedDependencies = {"billing", "canonical", "claims", "forms", "intake", "ops", "order", "outbound", "partner"})
package io.edihub.cash;

import org.springframework.modulith.ApplicationModule;
