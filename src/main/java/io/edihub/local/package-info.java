/**
 * The hub's embedded defaults: a real PostgreSQL, Kafka (KRaft) broker and SFTP server started in or
 * beside the JVM, so the hub runs with no outside infrastructure. Switched off in production with
 * {@code edihub.local.enabled=false}.
 *
 * <p>Owns no tables. Uses no other module: production code must not depend on it.
 */
@ApplicationModule(displayName = "Embedded servers", allowedDependencies = {})
package io.edihub.local;

import org.springframework.modulith.ApplicationModule;
