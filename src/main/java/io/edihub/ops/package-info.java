/**
 * Operations: alerts for whatever needs a person's attention, each open until its cause goes away or an
 * operator closes it, raised in the transaction of the event that causes them and published to
 * {@code edihub.alerts.v1} when they open and when they close; and the watchdog, which alerts on work
 * left waiting longer than the partner's thresholds.
 */
package io.edihub.ops;
