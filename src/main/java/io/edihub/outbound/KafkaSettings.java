package io.edihub.outbound;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Kafka cluster the hub talks to ({@code edihub.kafka.*}). Camel's Kafka component takes {@code brokers}
 * through {@code camel.component.kafka.brokers} and the shipment route {@code group-id} as a placeholder; TLS and
 * SASL are Camel's own {@code camel.component.kafka.*} settings.
 *
 * @param brokers the bootstrap servers, a comma-separated list of host:port
 * @param groupId the consumer group the hub reads shipments in
 */
@Validated
@ConfigurationProperties("edihub.kafka")
public record KafkaSettings(
        // each entry ends in :port, as Kafka's client reads them ([::1]:9092 and SSL://host:9093 too)
        @NotBlank @Pattern(regexp = "\\s*[^\\s,]+:\\d{1,5}\\s*(,\\s*[^\\s,]+:\\d{1,5}\\s*)*",
                message = "must be a comma-separated list of host:port") String brokers,
        @DefaultValue("edi-hub") @NotBlank String groupId) {
}
