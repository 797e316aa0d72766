/**
 * The hub's embedded defaults: a real PostgreSQL, Kafka (KRaft) broker and SFTP server started beside the
 * hub, so it runs with no outside infrastructure, for the tests and the local run ({@code io.edihub.LocalEdiHub},
 * {@code ./mvnw spring-boot:test-run}). Test scope on purpose: the production artifact carries none of it.
 * Off in the production profile and with {@code edihub.local.enabled=false}.
 */
package io.edihub.local;
