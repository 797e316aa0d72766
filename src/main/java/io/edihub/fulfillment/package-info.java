/**
 * Fulfillment: release requests to the fulfillment systems as each month comes due, the shipments they
 * report back, and the ship notices (856) the customer gets for them.
 */
package io.edihub.fulfillment;
