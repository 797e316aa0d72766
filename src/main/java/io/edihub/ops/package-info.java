/**
 * Operations: alerts for whatever needs a person's attention, each open until its cause goes away or an
 * operator closes it, raised in the transaction of the event that causes them and published to
 * {@code edihub.alerts.v1} when they open and when they close; the watchdog, which alerts on work left
 * waiting longer than the partner's thresholds; dead letters, the inputs that failed for a technical
 * reason, kept with their bytes and error, parked when they keep failing, and replayed by an operator
 * through today's routes; and each PO's timeline.
 */
package io.edihub.ops;
