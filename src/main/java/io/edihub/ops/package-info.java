/**
 * Operations: alerts for whatever needs a person's attention, each open until its cause goes away or an
 * operator closes it, raised in the transaction of the event that causes them and published to
 * {@code edihub.alerts.v1} when they open and when they close; the watchdog, which alerts on work left
 * waiting longer than the partner's thresholds; dead letters, the inputs that failed for a technical
 * reason, kept with their bytes and error, parked when they keep failing, and replayed by an operator
 * through today's routes; the 997s partners send about our documents; each PO's timeline; and the names of
 * the hub's own Camel headers ({@link io.edihub.ops.EdiHubHeaders}).
 *
 * <p>Owns the tables {@code alert}, {@code dead_letter}, {@code dead_letter_replay},
 * {@code received_acknowledgment}. Publishes the views {@code alert_overview} and {@code dead_letter_overview} (what
 * waits for a person, counted on the desk). Reads what other modules record (for the timeline, the watchdog and replays)
 * through the views they publish, never their tables. May use {@code canonical}, {@code order},
 * {@code outbound}, {@code partner} and {@code x12} (a received 997).
 */
@ApplicationModule(displayName = "Operations", allowedDependencies = {"canonical", "order", "outbound", "partner", "x12"})
package io.edihub.ops;

import org.springframework.modulith.ApplicationModule;
