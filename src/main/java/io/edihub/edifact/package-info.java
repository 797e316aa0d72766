/**
 * UN/EDIFACT: reading ORDERS D96A interchanges with Smooks (EDI cartridge, DFDL/Daffodil), mapping each
 * message to the canonical purchase order, and answering the interchange with a CONTRL (written with StAEDI); writing
 * the business documents a partner takes as EDIFACT D96A with StAEDI: ORDRSP, DESADV, and INVOIC (380 for an invoice,
 * 381 for a credit note).
 *
 * <p>Smooks is an ordinary dependency. Its Daffodil exists only for Scala 2.12, the one Scala on the hub's
 * class path (the tests' Kafka broker is Kafka's Scala 2.12 build, see pom.xml). Public API: {@link io.edihub.edifact.EdifactOrdersReader},
 * {@link io.edihub.edifact.EdifactInterchange}, {@link io.edihub.edifact.ContrlWriter},
 * {@link io.edihub.edifact.OrdrspWriter}, {@link io.edihub.edifact.DesadvWriter}, {@link io.edihub.edifact.InvoicWriter},
 * {@link io.edihub.edifact.EdifactEnvelope}.
 *
 * <p>Owns no tables. May use {@code canonical} and {@code partner} (the payment terms an invoice carries).
 */
@ApplicationModule(displayName = "UN/EDIFACT", allowedDependencies = {"canonical", "partner"})
package io.edihub.edifact;

import org.springframework.modulith.ApplicationModule;
