package io.edihub.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The TLS / SASL settings of the hub's Camel Kafka component ({@code camel.component.kafka.*}, e.g.
 * {@code CAMEL_COMPONENT_KAFKA_SECURITY_PROTOCOL}) as Kafka client properties, so that the health probe's
 * own admin client (and the {@code kafka} command) reach the brokers exactly as the hub's producers and consumers do.
 */
public final class KafkaClientSecurity {

    /** Camel component option (kebab case) → Kafka client property; only those set are passed on. */
    static final Map<String, String> CLIENT_PROPERTY_BY_OPTION = Map.ofEntries(
            Map.entry("security-protocol", "security.protocol"),
            Map.entry("sasl-mechanism", "sasl.mechanism"),
            Map.entry("sasl-jaas-config", "sasl.jaas.config"),
            Map.entry("sasl-kerberos-service-name", "sasl.kerberos.service.name"),
            Map.entry("ssl-protocol", "ssl.protocol"),
            Map.entry("ssl-enabled-protocols", "ssl.enabled.protocols"),
            Map.entry("ssl-endpoint-algorithm", "ssl.endpoint.identification.algorithm"),
            Map.entry("ssl-truststore-location", "ssl.truststore.location"),
            Map.entry("ssl-truststore-password", "ssl.truststore.password"),
            Map.entry("ssl-truststore-type", "ssl.truststore.type"),
            Map.entry("ssl-keystore-location", "ssl.keystore.location"),
            Map.entry("ssl-keystore-password", "ssl.keystore.password"),
            Map.entry("ssl-keystore-type", "ssl.keystore.type"),
            Map.entry("ssl-key-password", "ssl.key.password"),
            Map.entry("ssl-cipher-suites", "ssl.cipher.suites"));

    private KafkaClientSecurity() {
    }

    public static Map<String, Object> from(Environment environment) {
        Binder binder = Binder.get(environment);
        Map<String, Object> properties = new LinkedHashMap<>();
        CLIENT_PROPERTY_BY_OPTION.forEach((option, clientProperty) -> binder
                .bind("camel.component.kafka." + option, String.class)
                .ifBound(value -> {
                    if (StringUtils.hasText(value)) {
                        properties.put(clientProperty, value.trim());
                    }
                }));
        return properties;
    }
}
