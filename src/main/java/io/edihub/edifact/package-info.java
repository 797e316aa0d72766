/**
 * UN/EDIFACT: reading ORDERS D96A interchanges with Smooks (EDI cartridge, DFDL/Daffodil), mapping each
 * message to the canonical purchase order, and answering the interchange with a CONTRL (written with StAEDI).
 *
 * <p>Smooks' Daffodil exists only for Scala 2.12 while the hub's classpath carries Scala 2.13 (Kafka), so
 * Smooks is not a dependency of the hub: the build copies its jars into {@code smooks-runtime/} on the
 * classpath, and {@code SmooksRuntime} runs them in a class loader of their own, called by reflection with
 * JDK types only. Public API: {@link io.edihub.edifact.EdifactOrdersReader},
 * {@link io.edihub.edifact.EdifactInterchange}, {@link io.edihub.edifact.ContrlWriter}.
 *
 * <p>Owns no tables. May use {@code canonical} only.
 */
@ApplicationModule(displayName = "UN/EDIFACT", allowedDependencies = {"canonical"})
package io.edihub.edifact;

import org.springframework.modulith.ApplicationModule;
