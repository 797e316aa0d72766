/**
 * Monitoring: the health probes Kubernetes and operators ask (is the database, the Kafka broker and each
 * partner's SFTP folder reachable?) and the hub's business metrics on {@code /actuator/prometheus}, counted
 * from the database so that every replica reports the same figures and a restart loses none.
 *
 * <p>Owns no tables; its metrics read the views other modules publish ({@code inbound_document_overview},
 * {@code release_overview}, {@code invoice_overview}, {@code outbox_backlog}), never their tables. May use
 * {@code document}, {@code intake} (the SFTP login), {@code outbound} and {@code partner}.
 */
@ApplicationModule(displayName = "Monitoring", allowedDependencies = {"document", "intake", "outbound", "partner"})
package io.edihub.monitoring;

import org.springframework.modulith.ApplicationModule;
