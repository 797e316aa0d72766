/**
 * Billing: the customer's acceptance of delivered releases (861, JSON, CSV, HTTP), the invoices made from
 * it at the contract's price and terms (810 and an invoice event), and the claims for what was rejected.
 * Nothing is invoiced that the customer did not accept, and nothing twice.
 */
package io.edihub.billing;
