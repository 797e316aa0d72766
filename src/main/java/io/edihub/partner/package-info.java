/**
 * Trading partners as code: one YAML profile per customer with its envelope ids, channels and
 * acknowledgment, duplicate and release policies.
 *
 * <p>Owns no tables (profiles are files under {@code config/partners}). Uses no other module.
 */
@ApplicationModule(displayName = "Partners and contracts", allowedDependencies = {})
package io.edihub.partner;

import org.springframework.modulith.ApplicationModule;
