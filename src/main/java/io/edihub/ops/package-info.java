/**
 * Operations: alerts for whatever needs a person's attention, raised in the transaction of the event that
 * causes them and published to {@code edihub.alerts.v1}; and dead letters, the inputs that failed for a
 * technical reason, kept with their bytes and error, parked when they keep failing, and replayed by an
 * operator through today's routes.
 */
package io.edihub.ops;
