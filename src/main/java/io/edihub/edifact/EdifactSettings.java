package io.edihub.edifact;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * EDIFACT intake ({@code edihub.edifact.*}).
 *
 * @param warmUp compile the ORDERS schema in the background at start (30 to 60 seconds once per JVM), so that the
 *               first interchange does not wait for it
 */
@ConfigurationProperties("edihub.edifact")
public record EdifactSettings(@DefaultValue("true") boolean warmUp) {
}
