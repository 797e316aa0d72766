/**
 * The HTTP API: order documents in ({@code POST /api/v1/orders}), decisions on held orders, an order's state;
 * authentication and request size limits for everything served over HTTP.
 *
 * Claims on invoiced goods raised and claims settled by a person ({@code /api/v1/claims}); payments taken and
 * unapplied cash applied by a person ({@code /api/v1/remittances}); the statement of a contract
 * ({@code /api/v1/contracts/{partner}/{contract}/statement}).
 *
 * <p>Owns no tables. May use {@code canonical}, {@code cash}, {@code claims}, {@code document}, {@code intake},
 * {@code ops}, {@code order}, {@code partner} and {@code policy}.
 */
@ApplicationModule(displayName = "HTTP API", allowedDependencies = {"canonical", "cash", "claims", "document", "intake", "ops", "order", "partner", "policy"})
package io.edihub.api;

import org.springframework.modulith.ApplicationModule;
