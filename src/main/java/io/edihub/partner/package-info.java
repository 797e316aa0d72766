/**
 * Trading partners as code: one YAML profile per customer with its envelope ids, channels and
 * acknowledgment, duplicate and release policies.
 */
package io.edihub.partner;
