/**
 * Command-line tools that run without the hub: {@code translate} shows what the hub would make of a file.
 *
 * <p>Owns no tables. May use {@code canonical}, {@code monitoring} (Kafka client security), {@code partner} and
 * {@code x12}.
 */
@ApplicationModule(displayName = "Command-line tools", allowedDependencies = {"canonical", "monitoring", "partner", "x12"})
package io.edihub.cli;

import org.springframework.modulith.ApplicationModule;
