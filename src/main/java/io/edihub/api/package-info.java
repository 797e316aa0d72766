/**
 * The HTTP API: order documents in ({@code POST /api/v1/orders}), decisions on held orders, an order's state;
 * authentication and request size limits for everything served over HTTP.
 *
 * <p>Owns no tables. May use {@code canonical}, {@code document}, {@code intake}, {@code ops}, {@code order},
 * {@code partner} and {@code policy}.
 */
@ApplicationModule(displayName = "HTTP API", allowedDependencies = {"canonical", "document", "intake", "ops", "order", "partner", "policy"})
package io.edihub.api;

import org.springframework.modulith.ApplicationModule;
