/**
 * What the hub sends, stored first in the same database transaction as the change it reports: Kafka
 * messages through the transactional outbox (published with an idempotent producer, marked sent only once
 * the broker acknowledged them) and documents for the partners' {@code outbound/} folders.
 */
package io.edihub.outbound;
