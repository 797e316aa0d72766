/**
 * Monitoring: the health probes Kubernetes and operators ask (is the database, the Kafka broker and each
 * partner's SFTP folder reachable?) and the hub's business metrics on {@code /actuator/prometheus}, counted
 * from the database so that every replica reports the same figures and a restart loses none.
 */
package io.edihub.monitoring;
