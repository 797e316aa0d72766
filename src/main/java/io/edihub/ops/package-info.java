/**
 * Operations: alerts for whatever needs a person's attention, raised in the transaction of the event that
 * causes them and published to {@code edihub.alerts.v1}.
 */
package io.edihub.ops;
