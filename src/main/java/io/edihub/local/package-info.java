/**
 * The hub's embedded defaults: a real PostgreSQL, Kafka (KRaft) broker and SFTP server started in or
 * beside the JVM, so the hub runs with no outside infrastructure. Switched off in production with
 * {@code edihub.local.enabled=false}.
 */
package io.edihub.local;
