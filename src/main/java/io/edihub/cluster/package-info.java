/**
 * Several replicas side by side: each SFTP file claimed by one replica in a shared table (Camel's JDBC
 * in-progress repository, with the take-over of a dead replica's claim made race-free), and the scheduled
 * routes run as cluster singletons led through a lock row in PostgreSQL (Spring Integration's JDBC lock
 * registry behind a Camel cluster service).
 *
 * <p>Owns the tables {@code camel_messageprocessed} and {@code int_lock}. Uses no other module.
 */
@ApplicationModule(displayName = "Replicas", allowedDependencies = {})
package io.edihub.cluster;

import org.springframework.modulith.ApplicationModule;
