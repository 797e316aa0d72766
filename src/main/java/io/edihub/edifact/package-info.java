/**
 * UN/EDIFACT: reading ORDERS D96A interchanges with Smooks (EDI cartridge, DFDL/Daffodil), mapping each
 * message to the canonical purchase order, and answering the interchange with a CONTRL (written with StAEDI).
 *
 * <p>Smooks is an ordinary dependency. Its Daffodil exists only for Scala 2.12, the one Scala on the hub's
 * class path (the tests' Kafka broker is Kafka's Scala 2.12 build, see pom.xml). Public API: {@link io.edihub.edifact.EdifactOrdersReader},
 * {@link io.edihub.edifact.EdifactInterchange}, {@link io.edihub.edifact.ContrlWriter}.
 *
 * <p>Owns no tables. May use {@code canonical} only.
 */
@ApplicationModule(displayName = "UN/EDIFACT", allowedDependencies = {"canonical"})
package io.edihub.edifact;

import org.springframework.modulith.ApplicationModule;
