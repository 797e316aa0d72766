package io.edihub.outbound;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Kafka topics the hub talks on (DESIGN §6), each configurable.
 *
 * @param releaseRequests out to fulfillment, keyed by release id
 * @param shipments       in from logistics, keyed by release id
 * @param invoices        out to the ERP, keyed by invoice number
 * @param claims          out to returns, keyed by release id: claims raised and settled
 * @param creditNotes     out to the ERP, keyed by credit note number
 * @param returnAuthorizations out to logistics, keyed by RMA number: goods the customer may send back
 * @param returns         in from logistics, keyed by RMA number: returned goods that arrived
 * @param payments        out to the ERP, keyed by partner: payments taken and their cash applied
 * @param alerts          out to operations, keyed by subject
 * @param source          the CloudEvents source ({@code ce_source}) of everything we publish
 */
@Validated
@ConfigurationProperties("edihub.topics")
public record Topics(
        @DefaultValue("edihub.release-requests.v1") @Pattern(regexp = TOPIC, message = TOPIC_NAME) String releaseRequests,
        @DefaultValue("edihub.shipments.v1") @Pattern(regexp = TOPIC, message = TOPIC_NAME) String shipments,
        @DefaultValue("edihub.invoices.v1") @Pattern(regexp = TOPIC, message = TOPIC_NAME) String invoices,
        @DefaultValue("edihub.claims.v1") @Pattern(regexp = TOPIC, message = TOPIC_NAME) String claims,
        @DefaultValue("edihub.credit-notes.v1") @Pattern(regexp = TOPIC, message = TOPIC_NAME) String creditNotes,
        @DefaultValue("edihub.return-authorizations.v1") @Pattern(regexp = TOPIC, message = TOPIC_NAME)
        String returnAuthorizations,
        @DefaultValue("edihub.returns.v1") @Pattern(regexp = TOPIC, message = TOPIC_NAME) String returns,
        @DefaultValue("edihub.payments.v1") @Pattern(regexp = TOPIC, message = TOPIC_NAME) String payments,
        @DefaultValue("edihub.alerts.v1") @Pattern(regexp = TOPIC, message = TOPIC_NAME) String alerts,
        @DefaultValue("/edi-hub") @NotBlank String source) {

    /** What Kafka accepts as a topic name. */
    static final String TOPIC = "[a-zA-Z0-9._-]{1,249}";
    static final String TOPIC_NAME = "must be a Kafka topic name: 1 to 249 letters, digits, '.', '_' or '-'";
}
