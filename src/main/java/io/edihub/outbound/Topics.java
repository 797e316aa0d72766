package io.edihub.outbound;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Kafka topics the hub talks on (DESIGN §6), each configurable.
 *
 * @param releaseRequests out to fulfillment, keyed by release id
 * @param shipments       in from logistics, keyed by release id
 * @param invoices        out to the ERP, keyed by invoice number
 * @param claims          out to returns, keyed by release id
 * @param alerts          out to operations, keyed by subject
 * @param source          the CloudEvents source ({@code ce_source}) of everything we publish
 */
@ConfigurationProperties("edihub.topics")
public record Topics(
        @DefaultValue("edihub.release-requests.v1") String releaseRequests,
        @DefaultValue("edihub.shipments.v1") String shipments,
        @DefaultValue("edihub.invoices.v1") String invoices,
        @DefaultValue("edihub.claims.v1") String claims,
        @DefaultValue("edihub.alerts.v1") String alerts,
        @DefaultValue("/edi-hub") String source) {
}
