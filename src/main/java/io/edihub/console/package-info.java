/**
 * The operators' browser console: Hawtio (with its Camel plugin) and Jolokia, the hub's operator pages under
 * {@code /ops/**}, and the session login that serves them all with the hub's own users.
 *
 * <p>Owns no tables. Uses no other module.
 */
@ApplicationModule(displayName = "Operators' console", allowedDependencies = {})
package io.edihub.console;

import org.springframework.modulith.ApplicationModule;
