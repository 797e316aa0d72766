package io.edihub.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

class KafkaClientSecurityTest {

    @Test
    void plaintextByDefault() {
        assertThat(KafkaClientSecurity.from(new MockEnvironment())).isEmpty();
    }

    @Test
    void theCamelComponentsSecuritySettingsFromEnvironmentVariablesBecomeClientProperties() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env", Map.of(
                "CAMEL_COMPONENT_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "CAMEL_COMPONENT_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "CAMEL_COMPONENT_KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "CAMEL_COMPONENT_KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/edihub/truststore.p12",
                "CAMEL_COMPONENT_KAFKA_SSL_TRUSTSTORE_PASSWORD", "truststore-s3cret",
                "CAMEL_COMPONENT_KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12",
                "CAMEL_COMPONENT_KAFKA_SSL_ENDPOINT_ALGORITHM", "")));

        assertThat(KafkaClientSecurity.from(environment)).containsOnly(
                entry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL"),
                entry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512"),
                entry(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required;"),
                entry(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, "/etc/edihub/truststore.p12"),
                entry(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, "truststore-s3cret"),
                entry(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12"));
    }

    @Test
    void camelCaseKeysInAYamlFileCountToo() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("yaml", Map.of(
                "camel.component.kafka.securityProtocol", "SSL",
                "camel.component.kafka.sslKeystoreLocation", "/etc/edihub/hub.p12")));

        assertThat(KafkaClientSecurity.from(environment)).containsOnly(
                entry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL"),
                entry(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, "/etc/edihub/hub.p12"));
    }

    @Test
    void everyMappedNameIsAKafkaClientProperty() {
        assertThat(AdminClientConfig.configNames()).containsAll(KafkaClientSecurity.CLIENT_PROPERTY_BY_OPTION.values());
    }
}
