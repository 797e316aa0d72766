/**
 * The pages people use: the operator's desk ({@code /desk}: what waits for a person, with its action in place; the
 * orders; one PO with its releases, documents and grouped timeline; the partners and their contracts) and the
 * customer's portal ({@code /portal}: a partner's own orders, invoices, payments and documents, read-only). Rendered
 * on the server with Thymeleaf, which escapes every value; htmx, served from its WebJar, only makes links and forms
 * update the page in place, and every page works without it. Behind the console's session login
 * ({@code io.edihub.console}); a portal query is scoped to the logged-in partner on the server, never by a parameter
 * the browser sends.
 *
 * <p>Owns no tables; reads the views the owning modules publish. Acts only through the owning modules' APIs: order
 * decisions ({@code intake}), alerts and dead letters ({@code ops}), claim settlements ({@code claims}); the contract
 * statement is {@code cash}'s, the sets of a partner's implementation guide {@code x12}'s. May use {@code cash},
 * {@code claims}, {@code intake}, {@code ops}, {@code outbound}, {@code partner}, {@code policy} and {@code x12}.
 */
@ApplicationModule(displayName = "Desk and portal",
        allowedDependencies = {"cash", "claims", "intake", "ops", "outbound", "partner", "policy", "x12"})
package io.edihub.desk;

import org.springframework.modulith.ApplicationModule;
