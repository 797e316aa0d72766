/**
 * Order policy: every new or changed order is checked against the customer's contract (items, prices valid
 * on each delivery day, quantity breaks, validity, order and release value limits); the result is an
 * acknowledgment (855) or a hold that only a person's recorded decision lifts. Held orders are never
 * released.
 *
 * <p>Owns no tables: reviews and decisions are stored through {@code order}'s {@link io.edihub.order.OrderStore}.
 * May use {@code canonical}, {@code order} and {@code partner}.
 */
@ApplicationModule(displayName = "Order policy", allowedDependencies = {"canonical", "order", "partner"})
package io.edihub.policy;

import org.springframework.modulith.ApplicationModule;
